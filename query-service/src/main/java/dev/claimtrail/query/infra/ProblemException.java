package dev.claimtrail.query.infra;

/** A request the API refuses with a specific problem (bad parameter, unknown resource). */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "/problems/invalid-parameter", "Invalid request parameter", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
