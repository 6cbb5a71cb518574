#!/usr/bin/env bash
# This year against last year (iryosec-mkdata --previous: 2025 answered
# with R7, 2026 with R8): the home screen's line, the section of status and
# the rows of the PDF's summary agree; an answer changed in the wizard
# changes the line; with no previous year nothing is said.
source "$(dirname "$0")/../lib/e2e.sh"

IRY_SOURCE_DIR=$SRC "$MKDATA" --previous "$DB" >/dev/null ||
  { echo "iryosec-mkdata --previous failed"; exit 1; }

# status: the counts, what each means, the items by number
out=$("$BIN" status 2>&1); rc=$?
check "status exits 0" test $rc = 0
for want in "令和7年度との比較：" \
    "  解消したもの：4件（昨年度は「いいえ」か「わからない」で、今年度は「はい」か「該当なし」の項目）" \
    "    2-③（医療情報システム全般）、2-⑦（医療情報システム全般）、2-⑪（サーバ）、3-②" \
    "  新たに対応が必要なもの：7件（今年度は「いいえ」か「わからない」で、昨年度はそうでなかった項目）" \
    "    1-①、2-④（サーバ）、2-④（端末PC）、2-⑧（医療情報システム全般）、2-⑫（サーバ）、2-⑫（端末PC）、3-③" \
    "  目標日を過ぎたもの：6件（昨年度に決めた目標日を過ぎて、まだ「はい」になっていない項目）" \
    "    2-①（医療情報システム全般）、2-⑤（サーバ）、2-⑤（端末PC）、2-⑨（医療情報システム全般）、2-⑬（ネットワーク機器）、4-①" \
    "  今年度の版で新しい項目：0件（昨年度のチェックリストになかった項目）"; do
  echo "$out" | grep -qxF -- "$want" || fail "status lacks '$want': $out"
done
# every gap of this year is either new or overdue (13 = 7 + 6)
echo "$out" | grep -qF "対応が必要: 13 項目" || fail "status: gaps: $out"

# the PDF's summary: the same counts, each with what it means
pdf=$WORK/yoy.pdf
"$BIN" report -o "$pdf" >/dev/null 2>&1 || fail "report"
summary=$(pdftotext -f 2 "$pdf" - | tr -d ' \n')
summary=${summary%%優先して対応すること*}
for want in "令和7年度との比較：" \
    "解消したもの4件（昨年度は「いいえ」か「わからない」で、今年度は「はい」か「該当なし」の項目）" \
    "新たに対応が必要なもの7件" "1-①、2-④（サーバ）" \
    "目標日を過ぎたもの6件（昨年度に決めた目標日を過ぎて、まだ「はい」になっていない項目）" \
    "今年度の版で新しい項目0件（昨年度のチェックリストになかった項目）"; do
  echo "$summary" | grep -qF -- "$want" || fail "PDF summary lacks '$want': ${summary:0:900}"
done

# the home screen: one line under the menu
start_app
wait_for "回答の保存先"
wait_for "昨年度と比べて：解消4件、新たな要対応7件、目標日を過ぎた6件、新しい項目0件"
# 1-① (a new gap) answered はい: one new gap less, at once
keys 1
wait_for "1 / 22"
keys Right
wait_for "1-①"
keys 1; wait_for "保存しました"
keys Escape
wait_for "回答の保存先"
wait_for "昨年度と比べて：解消4件、新たな要対応6件、目標日を過ぎた6件"
keys q
check "exit 0" test "$(wait_exit)" = 0
out=$("$BIN" status 2>&1)
echo "$out" | grep -qxF "  新たに対応が必要なもの：6件（今年度は「いいえ」か「わからない」で、昨年度はそうでなかった項目）" ||
  fail "status after the change: $out"

# no previous year: no line, no section, no rows
make_db "$WORK/first.db"
out=$("$BIN" --db "$WORK/first.db" status 2>&1)
echo "$out" | grep -qF "との比較" && fail "status compares with no previous year: $out"
"$BIN" --db "$WORK/first.db" report -o "$WORK/first.pdf" >/dev/null 2>&1 || fail "report"
pdftotext "$WORK/first.pdf" - | grep -qF "との比較" &&
  fail "the PDF compares with no previous year"
start_app -- --db "$WORK/first.db"
wait_for "回答の保存先"
screen | grep -qF "と比べて" && fail "home compares with no previous year"
keys q
check "exit 0" test "$(wait_exit)" = 0

finish
