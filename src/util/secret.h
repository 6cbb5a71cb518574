#ifndef IRY_SECRET_H
#define IRY_SECRET_H

#include <stdbool.h>

/*
 * Does a free text (a memo, a note) seem to hold a password? Memos are
 * printed in the PDF the clinic shows to others, so the wizard warns when
 * one does. Two signs, either is enough:
 *   - a password word (パスワード, 暗証番号, password, pw, PIN, ...) followed
 *     by ":", "=", "は" or (Japanese words only) a space, then at least 4
 *     ASCII letters, digits or signs: "PW: abc1234", "暗証番号は 1234";
 *   - one word of 8 or more ASCII characters that mixes small and capital
 *     letters, digits and a sign other than . - _ / : @ (which versions,
 *     dates, paths and addresses use): "Xy7!pQ2r".
 * "パスワードを変更した", "パスワード：2026年4月に変更" (a date, or digits
 * glued to a word: 12文字, 4桁), "FortiOS 7.2.5" and "https://..." are not
 * secrets.
 */
bool secret_in_text(const char *s);

#endif
