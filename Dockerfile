# The pbx-operator image: the shaded jar on a Java 17 runtime, run as a non-root numeric user.
#
#   mvn -B -DskipTests package                       # builds operator/target/pbx-operator.jar
#   docker build -t registry.example/pbx-operator:0.1.0 .
#
# The Helm chart runs it as `java -jar /app/pbx-operator.jar run ...` (its args); `docker run IMAGE validate /fleet`
# runs the offline validation instead.
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="pbx-operator" \
      org.opencontainers.image.description="Kubernetes operator for PBX fleets in the Rainbow cloud" \
      org.opencontainers.image.licenses="Apache-2.0"

# Root-owned and not writable by the operator's user; the chart also mounts the root filesystem read-only.
COPY --chown=0:0 --chmod=0444 operator/target/pbx-operator.jar /app/pbx-operator.jar

# Container-aware memory: the heap takes 75 % of the container's limit (the chart sets one); an OutOfMemoryError
# ends the process so that Kubernetes restarts a clean one. The JVM's own files go to /tmp (an emptyDir in the chart).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

# A numeric user (runAsNonRoot can check it without a passwd entry); the chart's securityContext uses the same.
USER 10001:10001
# /healthz, /readyz, /metrics
EXPOSE 8081

ENTRYPOINT ["java", "-jar", "/app/pbx-operator.jar"]
CMD ["run"]
