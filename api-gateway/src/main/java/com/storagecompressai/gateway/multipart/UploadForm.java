package com.storagecompressai.gateway.multipart;

/**
 * The fields of a {@code POST /compress} form.
 *
 * @param image the uploaded bytes, owned by this form
 * @param quality 1–100, {@link QualityField#DEFAULT} when the form has none
 * @param bodyBytes how many bytes of request body were read
 */
public record UploadForm(byte[] image, int quality, long bodyBytes) {
}
