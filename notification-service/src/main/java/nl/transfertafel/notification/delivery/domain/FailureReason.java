package nl.transfertafel.notification.delivery.domain;

/**
 * Why a webhook attempt failed, as the delivery log shows it: a code, never an exception's text
 * (which can carry addresses, host names and the answers of systems inside our network, and would
 * turn the log into a scanner's read-out).
 */
public enum FailureReason {
    /** The host is not a public one, or resolved to an address that is not: nothing was connected. */
    TARGET_NOT_ALLOWED,
    /** The host name did not resolve. */
    DNS_FAILURE,
    CONNECT_REFUSED,
    /** No connection or no answer in time. */
    TIMEOUT,
    /** The TLS handshake failed (certificate, protocol). */
    TLS_ERROR,
    /** The connection failed or closed otherwise. */
    CONNECTION_FAILED,
    /** An answer 3xx: redirects are not followed (they could point anywhere). */
    HTTP_3XX,
    HTTP_4XX,
    HTTP_5XX,
    /** Any other status outside 2xx (1xx, or beyond 599). */
    HTTP_OTHER,
    /** The sender itself failed (a fault here, not at the receiver). */
    SEND_FAILED;

    public static FailureReason ofStatus(int status) {
        if (status >= 300 && status < 400) {
            return HTTP_3XX;
        }
        if (status >= 400 && status < 500) {
            return HTTP_4XX;
        }
        if (status >= 500 && status < 600) {
            return HTTP_5XX;
        }
        return HTTP_OTHER;
    }
}
