package sabaq.recorder.storage;

/** Object storage could not be reached or refused an operation; the caller may retry later. */
public final class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
