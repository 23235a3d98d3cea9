package sabaq.common.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** An open stored file of a recording: its bytes, length and content type. Close it when done. */
public record StoredFile(InputStream body, long length, String contentType) implements AutoCloseable {
    public StoredFile {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
