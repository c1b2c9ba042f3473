package app.attune.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a receiver's host name up. The sender resolves once per attempt and connects to the
 * address it checked; a test plays a name server through this seam.
 */
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
