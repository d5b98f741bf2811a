package nl.transfertafel.intake.waitinglist.domain;

import java.time.LocalDate;

/**
 * The Treeknorm (2021 action plan, seeds 001:463): at most four weeks from registration to intake,
 * at most ten weeks from intake to the start of treatment, fourteen in total. A deadline is the last
 * day that still meets the norm.
 *
 * <p>Treatment deadline (the plan is silent on how to show it before intake): once the intake is
 * done it is intake + 10 weeks (the norm for the treatment wait); before that it is registration +
 * 14 weeks, the total norm, which is the latest the treatment may start if the intake is on time.
 */
public final class Treeknorm {

    public static final int WEEKS_TO_INTAKE = 4;
    public static final int WEEKS_INTAKE_TO_TREATMENT = 10;
    public static final int WEEKS_TO_TREATMENT = WEEKS_TO_INTAKE + WEEKS_INTAKE_TO_TREATMENT;

    private Treeknorm() {
    }

    public static LocalDate intakeDeadline(LocalDate registeredOn) {
        return registeredOn.plusWeeks(WEEKS_TO_INTAKE);
    }

    public static LocalDate treatmentDeadline(LocalDate registeredOn, LocalDate intakeOn) {
        return intakeOn != null ? intakeOn.plusWeeks(WEEKS_INTAKE_TO_TREATMENT) : registeredOn.plusWeeks(WEEKS_TO_TREATMENT);
    }
}
