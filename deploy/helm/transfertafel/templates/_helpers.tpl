{{/* Labels every object carries. */}}
{{- define "tt.labels" -}}
app.kubernetes.io/part-of: transfertafel
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* The selector of one service's pods: (dict "root" $ "name" "intake-service") */}}
{{- define "tt.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* A service's Kubernetes name (Deployment, Service, KafkaUser, ...): <release>-<service> */}}
{{- define "tt.serviceName" -}}
{{ printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The address other services use inside the cluster: http://<release>-<service>:<port> */}}
{{- define "tt.internalUrl" -}}
{{- $svc := index .root.Values.services .name -}}
http://{{ include "tt.serviceName" . }}:{{ $svc.port }}
{{- end }}

{{/* The Secret holding the application secrets (chart-made or yours). */}}
{{- define "tt.appSecret" -}}
{{ .Values.secrets.existingSecret | default (printf "%s-app" .Release.Name) }}
{{- end }}

{{/* The Secret of one service's database role (basic-auth: username, password). */}}
{{- define "tt.dbSecret" -}}
{{ printf "%s-db-%s" .root.Release.Name .name }}
{{- end }}

{{- define "tt.jwksUri" -}}
{{ .Values.oidc.jwksUri | default (printf "%s/protocol/openid-connect/certs" (required "oidc.issuer is required" .Values.oidc.issuer)) }}
{{- end }}

{{- define "tt.tokenUri" -}}
{{ .Values.oidc.tokenUri | default (printf "%s/protocol/openid-connect/token" (required "oidc.issuer is required" .Values.oidc.issuer)) }}
{{- end }}

{{/* The host of a public URL (for Ingress rules and TLS). */}}
{{- define "tt.host" -}}
{{ (urlParse .).host | splitList ":" | first }}
{{- end }}

{{/* Kafka topic resource name: topic names with dots are valid Kubernetes names; keep them lower case. */}}
{{- define "tt.topicResource" -}}
{{ . | lower | replace "_" "-" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Every topic the services use: event topics and each consumer group's dead-letter topic. */}}
{{- define "tt.deadLetterTopics" -}}
{{- range $name, $svc := .Values.services }}
{{- range $svc.consumes }}
- error.{{ . }}.{{ $name }}
{{- end }}
{{- end }}
{{- end }}
