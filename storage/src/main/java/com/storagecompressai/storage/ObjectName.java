package com.storagecompressai.storage;

import java.util.regex.Pattern;

/**
 * The names every backend accepts: letters, digits, {@code .}, {@code _} and {@code -}, at most 200
 * characters, no leading dot and no {@code ..}. Such a name is one path segment everywhere (a file name,
 * an S3 key, a Supabase object path), so it can never climb out of its bucket.
 */
public final class ObjectName {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private ObjectName() {
    }

    /** True when {@code name} is a safe object name. Never throws; null is not safe. */
    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.startsWith(".") && !name.contains("..");
    }

    /** Returns {@code name} when it is safe, else throws {@link IllegalArgumentException} naming it. */
    public static String requireSafe(String name) {
        if (!isSafe(name)) {
            throw new IllegalArgumentException("unsafe object name: " + name);
        }
        return name;
    }
}
