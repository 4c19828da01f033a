package verbatim.http;

/** A request that cannot be served as asked: answered with its status and a detail for the client. */
final class ApiException extends RuntimeException {

    final int status;

    ApiException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }
}
