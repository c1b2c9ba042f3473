package app.attune.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where webhooks may be sent (no server-side request forgery): http or https, a host name or
 * address that resolves, and no address of this host, its network, link-local metadata services
 * or carrier-grade NAT, unless the operator's configuration allows that receiver.
 */
final class ReceiverAddress {

    private ReceiverAddress() {
    }

    /** A receiver URL as checked: the address it resolved to, to connect to and nowhere else, or why it may not receive. */
    record Checked(URI uri, InetAddress address, String problem) {

        static Checked refused(String problem) {
            return new Checked(null, null, problem);
        }

        /** The port to connect to: the URL's, or its scheme's. */
        int port() {
            return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        }
    }

    /** Why the URL may not receive webhooks, or null when it may, resolving its host with the system's resolver. */
    static String problemWith(String url, PrivateReceivers allowed) {
        return check(url, allowed, HostResolver.SYSTEM).problem();
    }

    /**
     * Resolves the URL's host once and checks every address it resolves to; the first is the one to
     * connect to, so that a name server cannot answer one address to the check and another to the
     * connection (DNS rebinding).
     */
    static Checked check(String url, PrivateReceivers allowed, HostResolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("must be an absolute http or https URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return Checked.refused("must be an absolute http or https URL");
        }
        if (uri.getUserInfo() != null) {
            return Checked.refused("must not carry credentials");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return Checked.refused("has a port outside 1 to 65535");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Checked.refused("names a host that does not resolve");
        }
        if (addresses.length == 0) {
            return Checked.refused("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address) && !allowed.allows(uri.getHost(), address)) {
                return Checked.refused("is a private or local address, which the service's operator has not allowed");
            }
        }
        return new Checked(uri, addresses[0], null);
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            byte[] embedded = embeddedIpv4(bytes);
            return embedded != null && isPrivateIpv4(embedded);
        }
        return isPrivateIpv4(bytes);
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || first == 10 || first == 127 || first >= 224 // this network, private, loopback, multicast and reserved
                || first == 100 && (second & 0xC0) == 64 // carrier-grade NAT 100.64.0.0/10
                || first == 169 && second == 254 // link-local, cloud metadata
                || first == 172 && (second & 0xF0) == 16
                || first == 192 && second == 168
                || first == 198 && (second & 0xFE) == 18; // benchmarking 198.18.0.0/15
    }

    /** The IPv4 address inside a 6to4 (2002::/16), NAT64 (64:ff9b::/96) or IPv4-compatible (::a.b.c.d) address. */
    private static byte[] embeddedIpv4(byte[] v6) {
        if ((v6[0] & 0xFF) == 0x20 && (v6[1] & 0xFF) == 0x02) {
            return new byte[] {v6[2], v6[3], v6[4], v6[5]};
        }
        boolean nat64 = (v6[0] & 0xFF) == 0x00 && (v6[1] & 0xFF) == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B;
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        if (nat64 || compatible) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        return null;
    }
}
