package demo.identityplatform;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The platform's login form, in Chinese with English beside it; written out here, the
 * platform has no templates.
 */
@RestController
class PlatformLoginPage {

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	String login(CsrfToken csrf, @RequestParam(name = "error", required = false) String error) {
		StringBuilder people = new StringBuilder();
		PlatformPeople.ALL.forEach(p -> people.append("<li><code>")
			.append(HtmlUtils.htmlEscape(p.login()))
			.append("</code> ")
			.append(HtmlUtils.htmlEscape(p.name()))
			.append(p.representativeName() == null ? ""
					: "（法定代表人 " + HtmlUtils.htmlEscape(p.representativeName()) + "）")
			.append("</li>"));
		return """
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>统一身份认证平台（演示）</title>
				<style>body{font-family:sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;font-size:1.1rem}
				label,input,button{display:block;width:100%%;margin:.4rem 0;font-size:1.1rem}input,button{padding:.6rem}
				.error{color:#b00020}small{color:#555}</style></head>
				<body><h1>统一身份认证平台（演示）</h1><p><small>Provincial identity platform (demo)</small></p>
				%s
				<form method="post" action="/login">
				<label for="username">账号（个人：用户名；法人：统一社会信用代码，由法定代表人登录）<br>
				<small>Account (a person: user name; an enterprise: credit code, signed in by its legal representative)</small></label>
				<input id="username" name="username" autocomplete="username" required>
				<label for="password">密码 <small>Password</small></label>
				<input id="password" name="password" type="password" autocomplete="current-password" required>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">登录 Sign in</button></form>
				<p>演示账号（密码均为 <code>%s</code>）<small> Demo logins</small>：</p><ul>%s</ul>
				</body></html>
				"""
			.formatted(error == null ? "" : "<p class=\"error\" role=\"alert\">账号或密码错误。 Wrong account or password.</p>",
					csrf.getParameterName(), csrf.getToken(), PlatformPeople.PASSWORD, people);
	}

}
