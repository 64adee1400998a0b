package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.RequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Collects the {@code image} part and the text fields of {@link OptionFields#NAMES} as Jetty's parser emits
 * them and skips every other field; each known field may appear once. Jetty swallows exceptions thrown by listeners, so the first problem is kept in {@link #failure()}
 * for {@link FormReader} to throw. Not thread-safe: one per request.
 */
final class FormListener extends MultiPart.AbstractPartsListener {

    static final String IMAGE = "image";
    static final String QUALITY = OptionFields.QUALITY;

    private final FormLimits limits;
    private int parts;
    private String current;
    private PartBytes sink;
    private byte[] image;
    private final Map<String, String> texts = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private boolean complete;
    private RuntimeException failure;

    FormListener(FormLimits limits) {
        this.limits = limits;
    }

    @Override
    public void onPartBegin() {
        if (++parts > limits.maxParts()) {
            fail(new RequestException(ErrorCode.INVALID_REQUEST, "The form has more than " + limits.maxParts() + " fields"));
        }
    }

    @Override
    public void onPartHeaders() {
        String name = getName();
        current = name;
        sink = null;
        if (failure != null || name == null) {
            return;
        }
        if (name.length() > limits.maxFieldNameLength()) {
            fail(new RequestException(ErrorCode.INVALID_REQUEST, "A form field name is longer than " + limits.maxFieldNameLength() + " characters"));
        } else if (IMAGE.equals(name) || OptionFields.NAMES.contains(name)) {
            if (!seen.add(name)) {
                fail(new RequestException(ErrorCode.INVALID_REQUEST, "The form has more than one \"" + name + "\" field"));
            } else {
                sink = new PartBytes();
            }
        }
    }

    /** The parser owns {@code chunk} and releases it itself: releasing it here breaks long parts. */
    @Override
    public void onPartContent(Content.Chunk chunk) {
        if (sink != null && failure == null) {
            ByteBuffer bytes = chunk.getByteBuffer();
            if (!IMAGE.equals(current) && sink.size() + bytes.remaining() > limits.maxTextFieldBytes()) {
                fail(QUALITY.equals(current) ? QualityField.invalid()
                        : new RequestException(ErrorCode.INVALID_REQUEST, "The \"" + current + "\" field is too long"));
                return;
            }
            sink.append(bytes);
        }
    }

    @Override
    public void onPart(String name, String fileName, HttpFields headers) {
        if (sink != null && failure == null) {
            if (IMAGE.equals(name)) {
                image = sink.joined();
            } else {
                texts.put(name, new String(sink.joined(), StandardCharsets.UTF_8));
            }
        }
        sink = null;
        current = null;
    }

    @Override
    public void onComplete() {
        complete = true;
    }

    @Override
    public void onFailure(Throwable cause) {
        fail(new RequestException(ErrorCode.INVALID_REQUEST, "The multipart/form-data body is malformed"));
    }

    private void fail(RuntimeException problem) {
        if (failure == null) {
            failure = problem;
        }
    }

    RuntimeException failure() {
        return failure;
    }

    boolean isComplete() {
        return complete;
    }

    byte[] image() {
        return image;
    }

    String quality() {
        return texts.get(QUALITY);
    }

    /** The known text fields the form had, by name. */
    Map<String, String> texts() {
        return Map.copyOf(texts);
    }
}
