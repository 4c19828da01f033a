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
# JDK 25 for its AOT cache (JEPs 483, 514, 515), trained here by indexing the bundled corpus, as ./verbatim does:
# every start gets the classes loaded and linked and the extractor's method profiles. An unusable cache is ignored.
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/verbatim.jar /app/verbatim.jar
COPY corpus /app/corpus
RUN java -XX:AOTCacheOutput=/app/verbatim.aot -jar /app/verbatim.jar index --corpus /app/corpus --index /tmp/training \
        > /tmp/training.log 2>&1 || cat /tmp/training.log; rm -rf /tmp/training /tmp/training.log
VOLUME /app/index
EXPOSE 7070
ENV VERBATIM_CORPUS=/app/corpus VERBATIM_INDEX=/app/index VERBATIM_PORT=7070
# `index` compiles the extractor less (C2 gives up on its big rule methods, inlines less): see ./verbatim.
ENTRYPOINT ["/bin/sh", "-c", "set -f; jit=; if [ \"$1\" = index ]; then jit='-XX:FreqInlineSize=50 -XX:CompileCommand=quiet -XX:CompileCommand=MaxNodeLimit,verbatim.analysis.EntityFinder::*,10000 -XX:CompileCommand=MaxNodeLimit,verbatim.analysis.QuoteFinder::*,10000 -XX:CompileCommand=MaxNodeLimit,verbatim.analysis.MentionExtractor::*,10000'; fi; exec java $jit -XX:AOTCache=/app/verbatim.aot '-Xlog:aot*=off' '-Xlog:cds*=off' -jar /app/verbatim.jar \"$@\"", "verbatim"]
CMD ["serve"]
