/**
 * The jar as a command-line tool: {@link com.storagecompressai.engine.cli.CommandLine} parses
 * {@code serve | encode | bench}; {@code encode} and {@code bench} read PGM/PPM with their own reader and
 * everything else through imaging, as the service does.
 */
package com.storagecompressai.engine.cli;
