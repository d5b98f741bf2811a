package nl.transfertafel.capacity.common.domain;

import java.util.Objects;

/**
 * The regions an actor acts in. Capacity lines (and the providers they belong to) belong to a region,
 * and a person acts only in the region of their token: a line of another region (one its provider
 * does not work in either) is answered as one that does not exist (404), so its id is not even confirmed. Only a service token, which carries no
 * region because the services work for the whole installation, covers every region.
 */
public final class RegionScope {

    private static final RegionScope EVERY_REGION = new RegionScope(null);

    private final String region;

    private RegionScope(String region) {
        this.region = region;
    }

    /** The scope of a person working in this region. */
    public static RegionScope of(String region) {
        return new RegionScope(Objects.requireNonNull(region, "region"));
    }

    /** The scope of a service token: the services act for every region of the installation. */
    public static RegionScope everyRegion() {
        return EVERY_REGION;
    }

    public boolean covers(String region) {
        return this.region == null || this.region.equals(region);
    }

    @Override
    public String toString() {
        return region == null ? "every region" : region;
    }
}
