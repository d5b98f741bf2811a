package nl.transfertafel.notification.subscription.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.transfertafel.notification.access.domain.Verdict;

/**
 * Where a webhook may go: a public host on the internet, never into the network this service runs
 * in. Otherwise an organisation could register {@code https://10.0.0.5/} or
 * {@code https://intake-service.svc/} and read from the delivery log whether something answers
 * there: a port scanner with our network position (issue 11 item 11, server-side request forgery).
 *
 * <p>Applied twice: to the host name at registration (names that only resolve inside a cluster or
 * a LAN, and address literals), and to every address the name resolves to at delivery, right
 * before connecting (a public name can point at a private address, and DNS answers change), see
 * {@code delivery.infrastructure.AllowedTargetsResolver}.
 *
 * <p>Refused addresses: unspecified ({@code 0.0.0.0}, {@code ::}), loopback, link-local
 * (169.254/16, fe80::/10, cloud metadata endpoints live there), private (10/8, 172.16/12,
 * 192.168/16), carrier-grade NAT (100.64/10), IPv6 unique-local (fc00::/7) and site-local
 * (fec0::/10), multicast, broadcast and the other IANA special-purpose IPv4 blocks, and IPv6
 * addresses that embed an IPv4 address (mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) whose IPv4
 * address is refused. Refused names: single-label names ({@code intake}), {@code localhost} and
 * {@code *.localhost}, {@code *.local}, {@code *.internal}, {@code *.svc}, {@code *.cluster.local},
 * and numeric forms that are not a canonical dotted quad ({@code 2130706433}, {@code 127.1},
 * {@code 0x7f.0.0.1}), which resolvers read as addresses.
 *
 * <p>{@code allowPrivateTargets} lifts all of this for the local stack and tests, whose receivers
 * run on this machine ({@code transfertafel.notification.webhook.allow-private-targets}).
 */
public final class WebhookTargetPolicy {

    public static final String RULE = "target-not-allowed";

    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".svc",
            ".cluster.local", ".home.arpa");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)$");

    private final boolean allowPrivateTargets;

    public WebhookTargetPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    public boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    /** The host of a URL (as {@link java.net.URI#getHost()} gives it: IPv6 literals in brackets). */
    public Verdict checkHost(String rawHost) {
        if (allowPrivateTargets) {
            return Verdict.ALLOWED;
        }
        if (rawHost == null || rawHost.isBlank()) {
            return Verdict.reject(RULE, "a webhook URL names a public host");
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return checkLiteral(host.substring(1, host.length() - 1));
        }
        if (host.contains(":")) {
            return checkLiteral(host);
        }
        if (DOTTED_QUAD.matcher(host).matches()) {
            return canonicalQuad(host) ? checkLiteral(host)
                    : Verdict.reject(RULE, "an IPv4 address is written as four decimal numbers 0-255");
        }
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return Verdict.reject(RULE, "a numeric host that is not a dotted IPv4 address");
        }
        if (labels.length < 2) {
            return Verdict.reject(RULE, "a single-label host name resolves only inside a local network");
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (host.endsWith(suffix) || host.equals(suffix.substring(1))) {
                return Verdict.reject(RULE, "a host name of a cluster or local network (" + suffix.substring(1) + ")");
            }
        }
        if (host.equals("localhost")) {
            return Verdict.reject(RULE, "localhost is this machine");
        }
        return Verdict.ALLOWED;
    }

    /** An address a webhook host resolved to (or a literal in the URL). */
    public Verdict checkAddress(InetAddress address) {
        if (allowPrivateTargets) {
            return Verdict.ALLOWED;
        }
        return isPublic(address) ? Verdict.ALLOWED
                : Verdict.reject(RULE, "a private, loopback, link-local, unique-local, multicast or unspecified address");
    }

    private Verdict checkLiteral(String literal) {
        try {
            // a literal: InetAddress parses it without asking DNS
            if (!literal.matches("^[0-9a-fA-F:.%A-Za-z]+$")) {
                return Verdict.reject(RULE, "not an IP address literal");
            }
            return checkAddress(InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal));
        } catch (UnknownHostException | SecurityException e) {
            return Verdict.reject(RULE, "not an IP address literal");
        }
    }

    private static boolean canonicalQuad(String host) {
        var m = DOTTED_QUAD.matcher(host);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            String part = m.group(i);
            if ((part.length() > 1 && part.startsWith("0")) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xff) {
                return false; // multicast
            }
            if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(slice(b, 12)); // ::ffff:a.b.c.d
            }
            if (isZero(b, 0, 12)) {
                return false; // :: , ::1 and the deprecated IPv4-compatible ::a.b.c.d
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12)) {
                return isPublicV4(slice(b, 12)); // 64:ff9b::/96 NAT64
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // 0/8 "this network"
                || a0 == 10                                // private
                || a0 == 127                               // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127)    // 100.64/10 carrier-grade NAT
                || (a0 == 169 && a1 == 254)                // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)     // private
                || (a0 == 192 && a1 == 0 && a2 == 0)       // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)     // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                // private
                || (a0 == 198 && (a1 == 18 || a1 == 19))   // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)    // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113)     // documentation
                || a0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
