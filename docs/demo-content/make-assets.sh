#!/usr/bin/env bash
# Regenerates the demo courses' binary assets (PDF lecture notes, a short lecture video).
# Needs: a JDK 21+, ffmpeg, the DejaVu fonts (Debian: fonts-dejavu-core) and PDFBox in ~/.m2
# (./mvnw dependency:get -Dartifact=org.apache.pdfbox:pdfbox:3.0.8). The results are committed
# under server/src/main/resources/org/bilim/server/demo/content/, so nobody else needs this.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../server/src/main/resources/org/bilim/server/demo/content"
m2="${HOME}/.m2/repository/org/apache/pdfbox"
cp="$m2/pdfbox/3.0.8/pdfbox-3.0.8.jar:$m2/fontbox/3.0.8/fontbox-3.0.8.jar:$m2/pdfbox-io/3.0.8/pdfbox-io-3.0.8.jar"
cp="$cp:$(find "${HOME}/.m2/repository/commons-logging" -name 'commons-logging-1.3*.jar' -o -name 'commons-logging-1.2.jar' | head -1)"
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$cp" "$here/MakePdfs.java" "$out" /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
# Twelve seconds of test pattern with a tone: small (VP9 + Opus in WebM), with a keyframe every
# second so seeking in the kiosk player lands quickly.
ffmpeg -y -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=15:duration=12" \
    -f lavfi -i "sine=frequency=440:duration=12" -c:v libvpx-vp9 -b:v 80k -g 15 -c:a libopus -b:a 24k \
    -shortest "$out/lecture.webm"
ls -l "$out"
