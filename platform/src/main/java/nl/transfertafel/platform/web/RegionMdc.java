package nl.transfertafel.platform.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import reactor.util.context.Context;

/**
 * Puts the region a request or an event is about into the log MDC ({@code region}), as
 * {@link CorrelationMdc} does for the correlation id: the value rides in the Reactor context and
 * Reactor's automatic context propagation restores it on whichever thread the work runs. A request's
 * region is its caller's {@code region} claim ({@link nl.transfertafel.platform.security.RegionOfCaller}),
 * an event's the envelope's region. A region is a public code (e.g. {@code rotterdam}), never
 * personal data; anything that does not look like one is left out rather than logged.
 */
public final class RegionMdc implements ThreadLocalAccessor<String> {

    /** The key in the Reactor context. */
    public static final String KEY = RegionMdc.class.getName();
    /** The MDC key (and so the field of a structured log line). */
    public static final String MDC_KEY = "region";

    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static volatile boolean registered;

    /** Registers the accessor once per JVM (the registry is global). */
    public static synchronized void register() {
        if (!registered) {
            ContextRegistry.getInstance().registerThreadLocalAccessor(new RegionMdc());
            registered = true;
        }
    }

    /** A context naming the region (empty when there is none or it is not a region code). */
    public static Context with(String region) {
        return plausible(region) ? Context.of(KEY, region) : Context.empty();
    }

    static boolean plausible(String region) {
        return region != null && REGION_CODE.matcher(region).matches();
    }

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(MDC_KEY);
    }
}
