package app.attune.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where webhooks may be sent (no server-side request forgery): http or https, a host name or
 * address that resolves, and, unless the organization allows private receivers, no address of
 * this host, its network, link-local metadata services or carrier-grade NAT.
 */
final class ReceiverAddress {

    private ReceiverAddress() {
    }

    /** Why the URL may not receive webhooks, or null when it may. */
    static String problemWith(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL";
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return "must be an absolute http or https URL";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return "is a private or local address; the organization's settings do not allow private receivers";
                }
            }
        }
        return null;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }
        return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64; // carrier-grade NAT 100.64.0.0/10
    }
}
