/* secret_in_text: memos that seem to hold a password, and ones that do not. */
#include <locale.h>

#include "check.h"
#include "util/secret.h"

static void
test_secrets(void)
{
	static const char *const yes[] = {
		"パスワード: Abc12345",
		"パスワード：abc1234",
		"パスワードは hoge1234",
		"パスワード abcd1234（業者から聞いた）",
		"VPNのPW=hoge1234",
		"ID admin / pass: Kf9#2mQ",
		"Password:letmein",
		"暗証番号は 1234",
		"暗証番号「0000」",
		"PIN: 4321",
		"管理画面 admin Xy7!pQ2r を使う",
		NULL};
	static const char *const no[] = {
		"",
		"パスワードを変更した",
		"パスワードは院長が管理している",
		"パスワード：変更済み",
		"初期パスワードは変更済み（2026年4月）",
		"FortiGate 60F FortiOS 7.2.5",
		"2027-03-31 までに更新",
		"https://example.com/path?a=1&b=2",
		"担当 yamada@example.co.jp 03-1234-5678",
		"passport の更新",
		"PIN留め",
		"spin: 1234",
		"毎月 pass する",
		"SSL-VPN (FortiClient) 経由",
		"パスワード：2026年4月に変更",
		"パスワード: 2026-04-01 に変更",
		"パスワードは12文字以上",
		"暗証番号は 1234桁",
		NULL};
	size_t i;

	for (i = 0; yes[i] != NULL; i++) {
		if (!secret_in_text(yes[i]))
			printf("  not seen: %s\n", yes[i]);
		check_true(secret_in_text(yes[i]));
	}
	for (i = 0; no[i] != NULL; i++) {
		if (secret_in_text(no[i]))
			printf("  wrongly seen: %s\n", no[i]);
		check_true(!secret_in_text(no[i]));
	}
	check_true(!secret_in_text(NULL));
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_secrets();
	return check_done("test_secret");
}
