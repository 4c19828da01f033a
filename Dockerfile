# Build stage: compile and test-free package with the Maven wrapper's Maven on a JDK 21.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

# Runtime stage: a slim JRE, the jar, and the bundled corpus. The index lives in a volume so it
# survives new images; an empty volume is filled from the corpus on first start.
FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/verbatim.jar /app/verbatim.jar
COPY corpus /app/corpus
VOLUME /app/index
EXPOSE 7070
ENV VERBATIM_CORPUS=/app/corpus VERBATIM_INDEX=/app/index VERBATIM_PORT=7070
ENTRYPOINT ["java", "-jar", "/app/verbatim.jar"]
CMD ["serve"]
