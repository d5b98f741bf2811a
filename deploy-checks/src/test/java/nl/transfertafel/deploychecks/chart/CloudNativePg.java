package nl.transfertafel.deploychecks.chart;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's API ({@code postgresql.cnpg.io/v1}, API reference of release 1.25+) that the
 * chart uses, as typed records. No Java model of CloudNativePG is published on Maven Central; read with
 * unknown properties failing, so a misspelt or misplaced field in the chart fails the check. A field the
 * chart starts to use must be added here, from the API reference, on purpose.
 */
public final class CloudNativePg {

    private CloudNativePg() {
    }

    public record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    public record LocalObjectReference(String name) {
    }

    public record SecretKeySelector(String name, String key) {
    }

    public record Cluster(String apiVersion, String kind, Metadata metadata, ClusterSpec spec) {
    }

    public record ClusterSpec(int instances, String imageName, Storage storage, Boolean enableSuperuserAccess,
            Bootstrap bootstrap, Managed managed, Monitoring monitoring, Backup backup) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, LocalObjectReference secret, List<String> postInitSQL) {
    }

    public record Managed(List<Role> roles) {
    }

    public record Role(String name, String ensure, Boolean login, Boolean superuser, Boolean createdb,
            Boolean createrole, Boolean inherit, Integer connectionLimit, LocalObjectReference passwordSecret,
            List<String> inRoles) {
    }

    public record Monitoring(Boolean enablePodMonitor) {
    }

    public record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    public record BarmanObjectStore(String destinationPath, @JsonProperty("endpointURL") String endpointUrl,
            S3Credentials s3Credentials, Compression wal, Compression data) {
    }

    public record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey) {
    }

    public record Compression(String compression) {
    }

    public record Database(String apiVersion, String kind, Metadata metadata, DatabaseSpec spec) {
    }

    public record DatabaseSpec(LocalObjectReference cluster, String name, String owner, String ensure) {
    }

    public record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(String schedule, String backupOwnerReference, LocalObjectReference cluster) {
    }
}
