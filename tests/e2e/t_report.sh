#!/usr/bin/env bash
# The PDF from answers given in the wizard: embedded Japanese font, the
# summary and every gap with its target date; from the wizard's レポート
# screen too; a missing font is a clear message and writes nothing.
source "$(dirname "$0")/../lib/e2e.sh"

start_app
setup_facility "すずき整形外科"
keys Enter
wait_for "1 / 22"
keys 1; wait_for "保存しました"; keys Right
wait_for "1-①"
keys 2; wait_for "続けて目標日"
typ "2027-01-15"; keys Enter
typ "鈴木"; keys Enter
typ "院長を責任者に任命する"; keys Enter
wait_for "保存しました"
keys Right
wait_for "2-①"
keys 3; wait_for "続けて目標日"; keys Escape
keys Right; wait_for "2-②"; keys 1; wait_for "保存しました"
keys Right; wait_for "2-③"; keys 2; wait_for "続けて目標日"
typ "R9.3.31"; keys Enter; wait_for "保存しました"

# the wizard's report screen proposes ~/iryosec-2026-20261125.pdf
keys Escape Escape
wait_for "回答の保存先"
keys 7
wait_for "PDFの保存先"
wait_for "iryosec-2026-20261125.pdf"
keys Enter
wait_for "PDFを作成しました（"
wait_for "$HOME/iryosec-2026-20261125.pdf"
check "the wizard wrote the PDF" test -s "$HOME/iryosec-2026-20261125.pdf"
keys Enter
wait_for "同じ名前のファイルがあります"
keys Enter
wait_for "PDFを作成しました"
keys Escape q
check "exit 0" test "$(wait_exit)" = 0

# iryosec report beside it
cd "$WORK" || exit 1
out=$("$BIN" report 2>&1); rc=$?
check "report exits 0" test $rc = 0
echo "$out" | grep -qE "PDFを作成しました（[0-9]+ ページ）: iryosec-2026-20261125.pdf" || fail "$out"
pdf=$WORK/iryosec-2026-20261125.pdf
check "default name in the current folder" test -s "$pdf"
fonts=$(pdffonts "$pdf" 2>/dev/null)
echo "$fonts" | grep -E "IPAexGothic +CID TrueType +Identity-H +yes +yes +yes" >/dev/null || fail "font not embedded: $fonts"
# table cells wrap: compare with spaces and line breaks removed. Page 1
# (the cover) names every part in its contents, so the parts are read
# from page 2 on: what to do first, then the transcript
text=$(pdftotext "$pdf" - 2>/dev/null | tr -d ' \n')
cover=$(pdftotext -layout -l 1 "$pdf" - 2>/dev/null | tr -d ' \n')
body=$(pdftotext -f 2 "$pdf" - 2>/dev/null | tr -d ' \n')
for want in "すずき整形外科" "無床診療所" "令和8年度" "令和8年度版" "目次" \
    "点検した人" "鈴木一郎" "1.点検の概要2ページ" "2.優先して対応すること3ページ" "3.チェックリスト回答一覧（公式様式の順）"; do
  echo "$cover" | grep -qF "$want" || fail "cover lacks '$want'"
done
echo "$body" | grep -qF "点検の概要" || fail "no summary"
gaps=${body#*優先して対応すること}
gaps=${gaps%%チェックリスト回答一覧*}
transcript=${body#*チェックリスト回答一覧}
check "the PDF has a transcript" test "$transcript" != "$body"
for want in "至急:" "1-①" "医療情報システム安全管理責任者を設置" \
    "令和9年1月15日" "院長を責任者に任命する" "2-①" "わからない" "2-③" "令和9年3月31日" \
    "未入力"; do
  echo "$gaps" | grep -qF "$want" || fail "PDF 'what to do first' lacks '$want'"
done
# the summary counts them: 3 things to do, no remote device flaw
summary=${body%%優先して対応すること*}
echo "$summary" | grep -qF "全部で3件" || fail "summary count: ${summary:0:400}"
echo "$cover" | grep -qF "まず最初に" && fail "cover warns of a flaw that is not there"
echo "$gaps" | grep -qF "2-②" && fail "PDF lists 2-② (answered はい) as a gap"
pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "$text" | grep -qF "1/$pages" || fail "no page number 1/$pages"
echo "$text" | grep -qF "$pages/$pages" || fail "no page number $pages/$pages"
# the transcript: the edition's title, then every item in official order
echo "$transcript" | grep -qF "令和8年度版「医療機関・薬局におけるサイバーセキュリティ対策チェックリスト」（医療機関・薬局確認用）" || fail "transcript heading: ${transcript:0:300}"
rest=$transcript
for n in 1-① 2-① 2-② 2-③ 2-④ 2-④ 2-⑤ 2-⑤ 2-⑥ 2-⑦ 2-⑧ 2-⑨ 2-⑩ 2-⑪ 2-⑫ 2-⑫ 2-⑬ 3-① 3-② 3-③ 4-①; do
  case $rest in
    *"$n"*) rest=${rest#*"$n"} ;;
    *) fail "transcript: $n missing or out of order"; break ;;
  esac
done
# certainty, said once: a note at the head of the transcript, ※ only on a
# number or heading that is itself inferred (2-⑩, 2-⑪, section 4), none
# on the gaps listed here (1-①, 2-①, 2-③), and no clinic note on the
# vendors' pages
echo "$gaps" | grep -qF "※" && fail "a ※ in 'what to do first' on items whose numbers are not inferred"
check "the transcript's note is said once" \
  test "$(echo "$body" | grep -o "この版はまだ公式様式と1行ずつ照合していません" | wc -l)" = 1
echo "$transcript" | grep -qF "2-⑩※" || fail "transcript: 2-⑩ (inferred) lacks ※"
echo "$transcript" | grep -qF "4規程類の整備※" || fail "transcript: the inferred heading of section 4 lacks ※"
echo "$transcript" | grep -qF "1-①※" && fail "transcript: 1-① carries ※"
echo "$body" | grep -qF "公式様式の番号・表記と照合してください" && fail "the old note on every line is back"
# the answers as the form records them
echo "$transcript" | grep -qF "確認中（院内で確認中）" || fail "transcript: わからない not written as 確認中"
echo "$transcript" | grep -qF "いいえ" || fail "transcript lacks いいえ"
info=$(pdfinfo "$pdf" 2>/dev/null)
echo "$info" | grep -qF "すずき整形外科" || fail "PDF title: $info"

# a missing font: clear message, exit 1, no file
out=$("$BIN" --font /nonexistent/font.ttf report -o "$WORK/nofont.pdf" 2>&1); rc=$?
check "missing font exits 1" test $rc = 1
echo "$out" | grep -qF "fonts-ipaexfont-gothic" || fail "$out"
check "no PDF without a font" test ! -e "$WORK/nofont.pdf"
out=$(IRYOSEC_FONT=/nonexistent.ttf "$BIN" report -o "$WORK/nofont.pdf" 2>&1); rc=$?
check "IRYOSEC_FONT is used" test $rc = 1
# an existing PDF survives a failed run
cp "$pdf" "$WORK/keep.pdf"
"$BIN" --font /nonexistent.ttf report -o "$WORK/keep.pdf" >/dev/null 2>&1
check "existing PDF intact" cmp -s "$pdf" "$WORK/keep.pdf"
out=$("$BIN" report -o "$WORK/no/such/dir/x.pdf" 2>&1); rc=$?
check "missing folder exits 1" test $rc = 1
echo "$out" | grep -qF "フォルダがない" || fail "$out"
finish
