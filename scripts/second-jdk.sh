#!/usr/bin/env bash
# Prints the home of a second JDK to build with: $BATON_SECOND_JDK if set, else the newest JDK
# under /usr/lib/jvm whose major version is 21 or later and differs from the default java's.
# Prints nothing when the machine has none. Nothing here names a particular install path.
set -euo pipefail
major_of() { # the feature version of the JDK at $1, from its release file; nothing without one
  { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; } | head -n 1
}
if [ -n "${BATON_SECOND_JDK:-}" ]; then
  echo "$BATON_SECOND_JDK"
  exit 0
fi
default_major=$(java -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
best= best_major=0
for home in /usr/lib/jvm/*/; do
  home=${home%/}
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
  major=$(major_of "$home")
  [ -n "$major" ] || continue
  if [ "$major" -ge 21 ] && [ "$major" != "$default_major" ] && [ "$major" -gt "$best_major" ]; then
    best=$home best_major=$major
  fi
done
echo "$best"
