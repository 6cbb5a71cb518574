#!/usr/bin/env bash
# The full report on a fixed data set (iryosec-mkdata: every R8 item, 10
# vendors, 20 connections, 3 servers, contacts): each part's content, the
# table of contents against the real pages, nothing printed outside the
# page frame, and --only / --vendor.
source "$(dirname "$0")/../lib/e2e.sh"

[ -x "$MKDATA" ] || { echo "no $MKDATA (build the target iryosec-mkdata)"; exit 1; }
IRY_SOURCE_DIR=$SRC "$MKDATA" "$WORK/full.db" || { echo "mkdata failed"; exit 1; }

pdf=$WORK/full.pdf
out=$("$BIN" --db "$WORK/full.db" report -o "$pdf" 2>&1); rc=$?
check "report exits 0" test $rc = 0
pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "$out" | grep -qF "PDFを作成しました（$pages ページ）" || fail "message: $out"
check "a long report" test "${pages:-0}" -ge 30

# page N as text without spaces and line breaks
page() { pdftotext -layout -f "$1" -l "$1" "$pdf" - 2>/dev/null | tr -d ' \n'; }

# the cover: facility, who checked, the warning first, the contents
cover=$(page 1)
for want in "医療法人社団試験会みどりの森クリニック" "有床診療所" "森田一郎" "森田花子" \
    "点検した人" "事務長田中三郎" "令和8年度" "令和8年11月25日" \
    "まず最初に:リモート保守に使っている機器に、すでに攻撃に使われている弱点があります" "目次"; do
  echo "$cover" | grep -qF "$want" || fail "cover lacks '$want'"
done

# every line of the contents names a part whose heading is on that page
toc=$(pdftotext -layout -f 1 -l 1 "$pdf" - 2>/dev/null | sed -n 's/^ *\([0-9]\)\. \(.*[^ ]\)  *\([0-9][0-9]*\)ページ$/\1|\2|\3/p')
check "seven parts in the contents" test "$(echo "$toc" | grep -c .)" = 7
prev=0
while IFS='|' read -r n title at; do
  [ -n "$n" ] || continue
  t=$(echo "$title" | tr -d ' ')
  [ "$at" -gt "$prev" ] || fail "contents: '$title' on page $at, not after page $prev"
  prev=$at
  body=$(page "$at")
  echo "$body" | grep -qF "$t" || fail "contents: '$title' is not on page $at"
done <<< "$toc"

text=$(pdftotext -f 2 "$pdf" - 2>/dev/null | tr -d ' \n')
# 点検の概要: progress of each part and the chart's counts
summary=${text%%優先して対応すること*}
for want in "22項目中22項目に回答済み" "事業者10社" "接続20件" "既知の弱点のある機器1件" "注意20件" "わかっていない点11件" \
    "必要な連絡先6/6" "至急1件" "全部で"; do
  echo "$summary" | grep -qF "$want" || fail "summary lacks '$want'"
done
# answers that contradict each other, with both answers, each said once
echo "$summary" | grep -qF "回答が食い違っています（3件）" || fail "summary lacks the contradictions"
echo "$summary" | grep -qF "2-⑩「二要素認証を実装している。」に「はい」と答えていますが" || fail "a contradiction without both answers"
check "one contradiction per rule, naming every connection" \
  test "$(echo "$summary" | grep -o "2-⑩「二要素認証" | wc -l)" = 1
st=$("$BIN" --db "$WORK/full.db" status 2>&1)
check "status lists the contradictions" test "$(echo "$st" | grep -c "^回答の食い違い: ")" = 3
# 優先して対応すること: one sentence per level, the flaws first, 目標日
first=${text#*優先して対応すること}
first=${first%%事業者への依頼書*}
for want in "至急:" "高:" "中:" "低:" "CVE-2018-13379" "CVE-2022-42475" "すぐに" "目標日"; do
  echo "$first" | grep -qF "$want" || fail "'what to do first' lacks '$want'"
done
rows=${first#*担当目標日}
echo "${rows:0:60}" | grep -qF "至急リモート保守:システム1" || fail "the flaw does not head the list: ${rows:0:120}"
# the levels come in order: no 至急 row after the first 高 row
after_high=${rows#*高リモート保守}
echo "$after_high" | grep -qF "至急リモート保守" && fail "a 至急 row after a 高 row"
# 事業者への依頼書: one sheet per vendor, each addressed and with a reply column
sheets=${text#*事業者への依頼書}
sheets=${sheets%%チェックリスト回答一覧*}
for i in 1 2 3 4 5 6 7 8 9 10; do
  echo "$sheets" | grep -qF "株式会社テスト${i}号メディカルシステムズ御中" || fail "no sheet for vendor $i"
done
echo "$sheets" | grep -qF "ご回答（貴社記入欄）" || fail "sheets lack the reply column"
# every sheet says by when and to whom (reply-by: 30 days after the date)
check "every sheet has a reply-by date and whom to answer" \
  test "$(echo "$sheets" | grep -o "ご回答は、令和8年12月25日までに、医療情報システム安全管理責任者" | wc -l)" = 10
# one request per topic: no sheet asks an official item both as 事業者確認用
# and as a checklist item, nor the update duty twice
for i in 1 2 3 4 5 6 7 8 9 10; do
  sheet=${sheets#*株式会社テスト${i}号メディカルシステムズ御中}
  sheet=${sheet%%御中*}
  form=$(echo "$sheet" | grep -o "\[事業者確認用[0-9]-[^]※]*" | sed 's/.*用//' | sort)
  list=$(echo "$sheet" | grep -o "\[チェックリスト[0-9]-[^]※]*" | sed 's/.*ト//' | sort)
  both=$(comm -12 <(echo "$form") <(echo "$list") | grep .)
  [ -z "$both" ] || fail "vendor $i is asked $both twice (form and checklist)"
  dup=$(echo "$sheet" | grep -o "\[[^]]*\][^[]\{0,20\}" | grep -v "^\[リモート保守\]" | sort | uniq -d | head -3)
  [ -z "$dup" ] || fail "vendor $i has the same request twice: $dup"
  if echo "$sheet" | grep -qF "[契約1]"; then
    echo "$sheet" | grep -qF "契約への更新の記載" && fail "vendor $i is asked the update duty twice"
  fi
done
# the transcript: every section, official numbers
transcript=${text#*チェックリスト回答一覧（公式様式の順）}
transcript=${transcript%%リモート保守台帳*}
for want in "1-①" "2-①" "2-⑬" "3-①" "4-①" "確認日"; do
  echo "$transcript" | grep -qF "$want" || fail "transcript lacks '$want'"
done
# the ledger: every connection
ledger=$(pdftotext -f 2 -layout "$pdf" - 2>/dev/null | sed -n '/リモート保守台帳$/,/保守委託機関編の適用判定$/p')
for i in $(seq 1 20); do
  echo "$ledger" | grep -qF "システム$i（" || fail "ledger lacks システム$i"
done
# 保守委託機関編 and the contact chart
hoshu=${text#*保守委託機関編の適用判定}
echo "$hoshu" | grep -qF "電子カルテサーバ" || fail "保守委託機関編 lacks the servers"
chart=${text#*連絡体制図}
for want in "管理者（院長）" "03-1234-5678" "株式会社テスト10号メディカルシステムズ"; do
  echo "$chart" | grep -qF "$want" || fail "contact chart lacks '$want'"
done

# nothing outside the frame: every word lies within the margins, and no
# body text runs into the footer band
pdftotext -bbox "$pdf" "$WORK/bbox.html" 2>/dev/null
bad=$(awk '
  /<page / { pg++ }
  /<word / {
    match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    n++
    if (x0 < 49 || x1 > 546.5 || y0 < 40 || y1 > 812 || (y0 < 763 && y1 > 765))
      print "page " pg ": " x0 "," y0 "-" x1 "," y1 " " $0
  }
  END { if (n < 1000) print "too few words: " n }' "$WORK/bbox.html" | head -5)
[ -z "$bad" ] || fail "text outside the frame: $bad"
# a PDF every reader accepts: poppler (pdftotext, above, fails the test on
# any warning), qpdf and mupdf find nothing to complain about
out=$(qpdf --check "$pdf" 2>&1); rc=$?
check "qpdf --check exits 0 ($rc)" test $rc = 0
echo "$out" | grep -qF "No syntax or stream encoding errors found" || fail "qpdf: $out"
out=$(mutool draw -o /dev/null -F txt "$pdf" 2>&1 | grep -v "^page \|ICC support is not available"); rc=$?
[ -z "$out" ] || fail "mutool: $(echo "$out" | head -3)"
command pdftotext -f 1 -l 1 "$pdf" /dev/null 2>"$WORK/pt.err"
check "pdftotext prints no warning" test ! -s "$WORK/pt.err"
# the font is embedded and every character was in it
pdffonts "$pdf" 2>/dev/null | grep -qE "IPAexGothic +CID TrueType +Identity-H +yes +yes +yes" || fail "font not embedded"
echo "$text" | grep -qF "〓" && fail "a character is missing from the font"

# --only transcript: that part alone, no cover
"$BIN" --db "$WORK/full.db" report --only transcript -o "$WORK/t.pdf" >/dev/null 2>&1 || fail "--only transcript"
only=$(pdftotext "$WORK/t.pdf" - 2>/dev/null | tr -d ' \n')
echo "$only" | grep -qF "チェックリスト回答一覧" || fail "--only transcript lacks the transcript"
echo "$only" | grep -qF "目次" && fail "--only transcript has the cover"
echo "$only" | grep -qF "御中" && fail "--only transcript has vendor sheets"
# --vendor: that vendor's sheet alone
"$BIN" --db "$WORK/full.db" report --vendor 株式会社テスト3号メディカルシステムズ -o "$WORK/v.pdf" >/dev/null 2>&1 || fail "--vendor"
only=$(pdftotext "$WORK/v.pdf" - 2>/dev/null | tr -d ' \n')
echo "$only" | grep -qF "株式会社テスト3号メディカルシステムズ御中" || fail "--vendor lacks its sheet"
echo "$only" | grep -qF "株式会社テスト4号メディカルシステムズ御中" && fail "--vendor has another vendor's sheet"
echo "$only" | grep -qF "チェックリスト回答一覧" && fail "--vendor has the transcript"
# a vendor that does not exist, a part that does not exist: clear messages
out=$("$BIN" --db "$WORK/full.db" report --vendor 存在しない会社 -o "$WORK/x.pdf" 2>&1); rc=$?
check "unknown vendor exits 1" test $rc = 1
echo "$out" | grep -qF "「存在しない会社」という名前の事業者はありません" || fail "$out"
out=$("$BIN" --db "$WORK/full.db" report --only summary,bogus -o "$WORK/x.pdf" 2>&1); rc=$?
check "unknown part exits 2" test $rc = 2
echo "$out" | grep -qF "「bogus」という部分はありません" || fail "$out"
check "no PDF after a refusal" test ! -e "$WORK/x.pdf"
finish
