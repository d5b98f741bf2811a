package nl.transfertafel.simulator.world;

/**
 * Counter-based random numbers: a uniform is a pure function of a stream key and a counter
 * (SplitMix64 finaliser), so a draw does not depend on how many draws were made before it. That is
 * what keeps the policies on common random numbers: a client's third offer answer is the same
 * number whether the policy made one offer before or five.
 */
public final class Streams {

    private Streams() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long key(long seed, long a, long b) {
        return mix(mix(seed * 0x9e3779b97f4a7c15L + a) + b);
    }

    /** Uniform in [0,1). */
    public static double uniform(long stream, long counter) {
        return (mix(stream + 0x9e3779b97f4a7c15L * (counter + 1)) >>> 11) * 0x1.0p-53;
    }

    /** Inverse CDF of the Poisson distribution at u (monotone in the mean, so more capacity never means fewer places). */
    public static int poisson(double mean, double u) {
        if (mean <= 0) {
            return 0;
        }
        double p = Math.exp(-mean);
        if (p == 0) { // large means: normal approximation
            double z = inverseNormal(u);
            return (int) Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
        }
        int k = 0;
        double cumulative = p;
        while (u > cumulative && k < 10_000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
    public static double inverseNormal(double u) {
        double p = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549671010258303e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
