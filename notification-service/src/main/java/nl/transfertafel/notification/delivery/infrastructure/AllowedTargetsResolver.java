package nl.transfertafel.notification.delivery.infrastructure;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import nl.transfertafel.notification.subscription.domain.WebhookTargetPolicy;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The name resolver of the webhook HTTP client: it resolves a receiver's host name and refuses the
 * connection when any address the name resolves to is not a public one ({@link WebhookTargetPolicy}).
 * The check sits in the resolver so that it applies to exactly the addresses the client then
 * connects to: checking a name first and letting the client resolve it again would let a DNS
 * answer that changes in between (DNS rebinding) slip through. A refused target fails the attempt
 * with {@link TargetNotAllowed} before any connection is opened.
 *
 * <p>Look-ups use the JDK's resolver (hosts file and system DNS, as every other client here) on
 * Reactor's bounded elastic threads, never on the event loop.
 */
final class AllowedTargetsResolver extends AddressResolverGroup<InetSocketAddress> {

    /** Resolves a host name to its addresses; a seam for tests, the JDK's resolver otherwise. */
    @FunctionalInterface
    interface HostLookup {
        List<InetAddress> lookup(String host) throws UnknownHostException;

        static HostLookup system() {
            return host -> List.of(InetAddress.getAllByName(host));
        }
    }

    /** The attempt went to an address the policy refuses; nothing was connected. */
    static final class TargetNotAllowed extends UnknownHostException {
        TargetNotAllowed() {
            super("target not allowed");
        }
    }

    private final WebhookTargetPolicy policy;
    private final HostLookup lookup;
    private final Scheduler blocking = Schedulers.boundedElastic();

    AllowedTargetsResolver(WebhookTargetPolicy policy, HostLookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new Checking(executor));
    }

    private final class Checking extends InetNameResolver {

        Checking(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            blocking.schedule(() -> {
                try {
                    promise.trySuccess(checked(host).get(0));
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            blocking.schedule(() -> {
                try {
                    promise.trySuccess(checked(host));
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }

        /** All addresses of the name, or a refusal if any of them is not allowed (a mix is as suspect as one). */
        private List<InetAddress> checked(String host) throws UnknownHostException {
            List<InetAddress> addresses = lookup.lookup(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException("no address");
            }
            for (InetAddress address : addresses) {
                if (!policy.checkAddress(address).allowed()) {
                    throw new TargetNotAllowed();
                }
            }
            return addresses;
        }
    }
}
