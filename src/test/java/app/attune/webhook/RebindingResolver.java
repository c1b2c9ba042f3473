package app.attune.webhook;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A name server the tests play: names under .rebind.test answer what a test scripted, one answer
 * per lookup (the last one repeats), as a hostile name server that changes its answer between a
 * check and a connection would; every other name goes to the system's resolver.
 */
@Alternative
@Priority(1)
@Singleton
class RebindingResolver implements HostResolver {

    private static final Map<String, List<InetAddress>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    static void script(String host, InetAddress... answers) {
        SCRIPTS.put(host, List.of(answers));
        LOOKUPS.put(host, new AtomicInteger());
    }

    static int lookups(String host) {
        return LOOKUPS.get(host).get();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> answers = SCRIPTS.get(host);
        if (answers == null) {
            return SYSTEM.resolve(host);
        }
        int lookup = LOOKUPS.get(host).getAndIncrement();
        return new InetAddress[] {answers.get(Math.min(lookup, answers.size() - 1))};
    }
}
