{{/* The chart's name, or nameOverride. */}}
{{- define "pbx-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of the release's objects: the release name, with the chart's name unless it already holds it. */}}
{{- define "pbx-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "pbx-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pbx-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pbx-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pbx-operator.labels" -}}
helm.sh/chart: {{ include "pbx-operator.chart" . }}
{{ include "pbx-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: pbx-operator
{{- end }}

{{- define "pbx-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pbx-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "pbx-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "pbx-operator.leaseName" -}}
{{- default (include "pbx-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/* The grace period the kubelet gives a stopping pod: above the shutdown timeout, so that the JVM closes cleanly. */}}
{{- define "pbx-operator.terminationGracePeriodSeconds" -}}
{{- if kindIs "invalid" .Values.terminationGracePeriodSeconds }}
{{- add .Values.shutdownTimeoutSeconds 15 }}
{{- else }}
{{- .Values.terminationGracePeriodSeconds }}
{{- end }}
{{- end }}

{{/* Combinations of values that would install a broken or unsafe operator. */}}
{{- define "pbx-operator.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) }}
{{- fail "replicaCount > 1 needs leaderElection.enabled: replicas without a Lease would reconcile the same objects at once" }}
{{- end }}
{{- if le (int (include "pbx-operator.terminationGracePeriodSeconds" .)) (int .Values.shutdownTimeoutSeconds) }}
{{- fail "terminationGracePeriodSeconds must be above shutdownTimeoutSeconds, or the kubelet kills reconciles under way" }}
{{- end }}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.enabled) }}
{{- fail "metrics.serviceMonitor.enabled needs metrics.enabled (the ServiceMonitor scrapes the metrics Service)" }}
{{- end }}
{{- if not .Values.cloud.credentialsSecret }}
{{- fail "cloud.credentialsSecret must name the Secret holding the cloud credentials" }}
{{- end }}
{{- end }}

{{/*
What the operator does in the namespaces it watches (bound cluster-wide with a ClusterRole, or per namespace with a
Role). Exactly the calls it makes, proven by LeastPrivilegeTest (operator/src/test/java/io/pbxops/operator/chart).
*/}}
{{- define "pbx-operator.watchRules" -}}
# The kinds with a cloud counterpart: informers (list, watch), the drift check and read-modify-writes (get), the
# finalizer and the external-id annotation (patch; server-side apply is a patch too).
- apiGroups: [pbxops.io]
  resources: [companies, pbxs, pbxshares, webrtcgateways]
  verbs: [get, list, watch, patch]
# NumberingPlans are only read: their informer, and one get when a reconcile holds a copy older than the
# operator's own last status write. Nothing in the cloud to clean up, so no finalizer.
- apiGroups: [pbxops.io]
  resources: [numberingplans]
  verbs: [get, list, watch]
# Status written whole under the resource version in hand (update); a claim recorded right after the create or
# adoption that made it, and a pending reset before its cloud call (patch: Company, Pbx, WebRtcGateway).
- apiGroups: [pbxops.io]
  resources: [numberingplans/status, pbxshares/status]
  verbs: [update]
- apiGroups: [pbxops.io]
  resources: [companies/status, pbxs/status, webrtcgateways/status]
  verbs: [update, patch]
# The activation Secret is owned by its Pbx with blockOwnerDeletion, which the API server allows only to whoever may
# update the owner's finalizers.
- apiGroups: [pbxops.io]
  resources: [pbxs/finalizers]
  verbs: [update]
# Secrets: the informer that wakes a Pbx when a Secret it names changes (only those labelled pbxops.io/secret: RBAC
# cannot narrow by label, the informer's selector does), an unlabelled one read by name, and the activation Secrets
# the operator writes and removes.
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list, watch, create, update, delete]
# An Event for every change made in the cloud or on a PBX.
- apiGroups: [""]
  resources: [events]
  verbs: [create]
{{- end }}

{{/* The Lease of leader election, in the release namespace only. */}}
{{- define "pbx-operator.leaseRules" -}}
# A Lease is created by name, which RBAC cannot restrict to one name.
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [create]
# Read and renewed (patch); update is what java-operator-sdk checks for before it starts leader election.
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  resourceNames: [{{ include "pbx-operator.leaseName" . | quote }}]
  verbs: [get, update, patch]
{{- end }}
