package dev.claimtrail.ingest.formats;

import dev.claimtrail.ingest.infra.ProblemException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Decodes text and HTML bodies strictly. A byte sequence that is not valid in the body's charset is
 * refused rather than replaced with U+FFFD: a replaced character would silently change the stored
 * text (and every offset into it), and usually means the sender got the charset wrong.
 */
public final class TextBodies {

    private TextBodies() {
    }

    /**
     * @param charsetName the {@code charset} parameter of the Content-Type, or null for UTF-8 (what
     *                    feeds send in practice, whatever older RFCs said about {@code text/*})
     * @throws ProblemException 400 for bytes invalid in the charset, 415 for a charset Java does not know
     */
    public static String decode(byte[] body, String charsetName) {
        Charset charset = charset(charsetName);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalidBytes(charset, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalidBytes(charset, in.position());
        }
        String text = out.flip().toString();
        // A UTF-8 byte-order mark is an encoding artefact, not the first character of the article.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ProblemException invalidBytes(Charset charset, int offset) {
        return ProblemException.invalid("the body is not valid " + charset.name() + ": invalid byte sequence at byte "
                + offset + "; send the charset the text is in as the Content-Type's charset parameter");
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.unsupportedCharset("charset '" + name.strip() + "' is not supported; send UTF-8");
        }
    }
}
