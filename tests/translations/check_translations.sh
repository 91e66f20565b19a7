#!/usr/bin/env bash
# ctest translations.complete: every text of the sources is in the .ts files and translated —
# nothing new since the last lupdate, nothing unfinished. Fails with the texts to translate.
#   check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/translations/tierdesk_zh_CN.ts" "$src/translations/tierdesk_en.ts" "$work/"
dirs=("$src/core" "$src/ui" "$src/app")
"$lupdate" -silent -no-obsolete -locations none "${dirs[@]}" -ts "$work/tierdesk_zh_CN.ts" >/dev/null
"$lupdate" -silent -pluralonly -no-obsolete -locations none "${dirs[@]}" -ts "$work/tierdesk_en.ts" >/dev/null
status=0
for ts in tierdesk_zh_CN.ts tierdesk_en.ts; do
    n=$(grep -c 'type="unfinished"' "$work/$ts" || true)
    if [ "$n" != 0 ]; then
        echo "$ts: $n text(s) without a translation (run the tierdesk_translations_lupdate target):"
        grep -B2 'type="unfinished"' "$work/$ts" | grep '<source>' | sed 's/^ */  /'
        status=1
    fi
done
exit $status
