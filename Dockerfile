# Builds and runs Warden. Build stage: Maven on JDK 17; run stage: a JRE only.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# every module's pom.xml, as the parent pom lists them (DeploymentFilesTest keeps the two lists equal): the
# dependency layer is then rebuilt only when a pom changes
COPY pom.xml .
COPY shared-events/pom.xml shared-events/
COPY automod-engine/pom.xml automod-engine/
COPY platform/pom.xml platform/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY api/pom.xml api/
COPY fake-discord/pom.xml fake-discord/
COPY bot-adapter/pom.xml bot-adapter/
RUN mvn -B -q dependency:go-offline -DskipTests
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/warden warden && mkdir -p /var/lib/warden && chown warden /var/lib/warden
USER warden
WORKDIR /var/lib/warden
COPY --from=build /src/bot-adapter/target/warden.jar /opt/warden/warden.jar
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/warden/warden.jar"]
