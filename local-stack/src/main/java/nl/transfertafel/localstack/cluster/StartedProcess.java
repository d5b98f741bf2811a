package nl.transfertafel.localstack.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** One process the launcher started: what it is, how to start it again, and the running process. */
final class StartedProcess {

    private final ProcessSpec spec;
    private final Process process;

    private StartedProcess(ProcessSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static StartedProcess start(ProcessSpec spec) {
        return new StartedProcess(spec, spec.start());
    }

    ProcessSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    void failIfDead() {
        if (!process.isAlive()) {
            throw new IllegalStateException(spec.name() + " exited with status " + process.exitValue()
                    + " during start-up; its output (" + spec.output() + ") ends with:\n" + spec.outputTail(40));
        }
    }

    /** The fields of {@code cluster.json} every process has: pid, argv, env, workdir. */
    Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", pid());
        fields.put("argv", spec.argv());
        fields.put("env", new java.util.TreeMap<>(spec.env()));
        fields.put("workdir", spec.workdir().toString());
        return fields;
    }
}
