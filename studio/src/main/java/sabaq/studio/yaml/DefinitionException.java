package sabaq.studio.yaml;

/**
 * A workflow, encoding profile or course description is not valid; the message names the file and the path of the
 * bad value. Definitions shipped with Sabaq are checked at start, so this stops the start rather than a job.
 */
public final class DefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }
}
