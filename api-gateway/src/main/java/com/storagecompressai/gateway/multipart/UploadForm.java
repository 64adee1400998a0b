package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.CompressOptions;

/**
 * The fields of a {@code POST /compress} form.
 *
 * @param image the uploaded bytes, owned by this form
 * @param options quality ({@link QualityField#DEFAULT} when the form has none), resize, target and output options
 * @param dedupe true when the client asked for a content-derived object name ({@code dedupe=true})
 * @param bodyBytes how many bytes of request body were read
 */
public record UploadForm(byte[] image, CompressOptions options, boolean dedupe, long bodyBytes) {

    public int quality() {
        return options.quality();
    }
}
