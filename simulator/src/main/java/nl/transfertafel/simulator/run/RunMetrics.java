package nl.transfertafel.simulator.run;

import java.util.Arrays;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * The figures of one run (one region, one policy), mergeable into a national total. Client figures
 * are about the clients registered in the measured year; place and transfer figures about events in
 * the measured year; the time series cover the whole simulated period.
 */
public final class RunMetrics {

    public static final int HISTOGRAM_WEEKS = 53;

    public long registered;
    public long outOfRegion;
    public long left;
    public long started;
    public long waitingAtEnd;
    public long startedWithinNorm;
    public long intakesBeyondNorm;
    public long treatmentsBeyondNorm;
    /** Waits to intake of the started (in days), then the time waited so far of those still waiting at the end. */
    public IntList intakeWaits = new IntList();
    public IntList treatmentWaits = new IntList();
    public long censoredWaits;
    public long transfers;
    public long[] transfersTo = new long[ProviderType.values().length];
    public long approvals;
    public long casesDiscussed;
    public long placesOpened;
    public long placesUnused;
    public long contractBlocks;
    public long ceilingBlocks;
    public long waitingAtYearEnd;
    public long beyondNormAtYearEnd;
    /** Per week since the start: clients waiting, and of them beyond the intake norm. */
    public long[] waitingByWeek = new long[0];
    public long[] beyondNormByWeek = new long[0];
    /** Per month since the start: transfers completed. */
    public long[] transfersByMonth = new long[0];
    /** Intakes of measured clients by week waited (last bin: a year or more). */
    public long[] intakeWaitHistogram = new long[HISTOGRAM_WEEKS + 1];

    public RunMetrics mergeFrom(RunMetrics o) {
        registered += o.registered;
        outOfRegion += o.outOfRegion;
        left += o.left;
        started += o.started;
        waitingAtEnd += o.waitingAtEnd;
        startedWithinNorm += o.startedWithinNorm;
        intakesBeyondNorm += o.intakesBeyondNorm;
        treatmentsBeyondNorm += o.treatmentsBeyondNorm;
        intakeWaits.addAll(o.intakeWaits);
        treatmentWaits.addAll(o.treatmentWaits);
        censoredWaits += o.censoredWaits;
        transfers += o.transfers;
        add(transfersTo, o.transfersTo);
        approvals += o.approvals;
        casesDiscussed += o.casesDiscussed;
        placesOpened += o.placesOpened;
        placesUnused += o.placesUnused;
        contractBlocks += o.contractBlocks;
        ceilingBlocks += o.ceilingBlocks;
        waitingAtYearEnd += o.waitingAtYearEnd;
        beyondNormAtYearEnd += o.beyondNormAtYearEnd;
        waitingByWeek = sum(waitingByWeek, o.waitingByWeek);
        beyondNormByWeek = sum(beyondNormByWeek, o.beyondNormByWeek);
        transfersByMonth = sum(transfersByMonth, o.transfersByMonth);
        add(intakeWaitHistogram, o.intakeWaitHistogram);
        return this;
    }

    /** Clients of the measured year who needed care in the region (a fitting provider existed). */
    public long inScope() {
        return registered - outOfRegion;
    }

    public double startedWithinNormShare() {
        return inScope() == 0 ? 0 : (double) startedWithinNorm / inScope();
    }

    public double meanIntakeWait() {
        return intakeWaits.mean();
    }

    public int p90IntakeWait() {
        return intakeWaits.percentile(0.90);
    }

    public double meanTreatmentWait() {
        return treatmentWaits.mean();
    }

    public int p90TreatmentWait() {
        return treatmentWaits.percentile(0.90);
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < Math.min(into.length, from.length); i++) {
            into[i] += from[i];
        }
    }

    private static long[] sum(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    /** A growable list of ints with mean and percentiles (nearest rank). */
    public static final class IntList {
        private int[] values = new int[64];
        private int size;

        public void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        public int size() {
            return size;
        }

        public int get(int i) {
            return values[i];
        }

        public double mean() {
            if (size == 0) {
                return 0;
            }
            long total = 0;
            for (int i = 0; i < size; i++) {
                total += values[i];
            }
            return (double) total / size;
        }

        public int percentile(double q) {
            if (size == 0) {
                return 0;
            }
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }
    }
}
