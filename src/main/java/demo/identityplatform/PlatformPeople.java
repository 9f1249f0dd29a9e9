package demo.identityplatform;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The people and enterprises the demo platform knows: the demo seed's applicants
 * (src/main/resources/demo/ directory.json: 张三 and 示范市好味餐饮有限公司) and a few without a
 * GovHall account yet. An enterprise signs in with its credit code, its legal
 * representative at the keyboard. Every password is {@code govhall-demo}.
 */
final class PlatformPeople {

	static final String PASSWORD = "govhall-demo";

	/**
	 * One login of the platform.
	 *
	 * @param login what is typed to sign in: a short name for a person, the credit code
	 * for an enterprise
	 * @param kind RESIDENT_ID or CREDIT_CODE, as GovHall names them
	 */
	record Person(String login, String kind, String name, String number, @Nullable String representativeName,
			@Nullable String representativeNumber) {
	}

	static final List<Person> ALL = List.of(
			new Person("zhangsan", "RESIDENT_ID", "张三", "110105199003071239", null, null),
			new Person("lisi", "RESIDENT_ID", "李四", "660101198506151238", null, null),
			new Person("wangfang", "RESIDENT_ID", "王芳", "660102199211202342", null, null),
			new Person("91660100MA0000017K", "CREDIT_CODE", "示范市好味餐饮有限公司", "91660100MA0000017K", "张三",
					"110105199003071239"),
			new Person("91660100MA0000025E", "CREDIT_CODE", "示范市新开科技有限公司", "91660100MA0000025E", "李四",
					"660101198506151238"));

	private PlatformPeople() {
	}

	static Optional<Person> find(String login) {
		return ALL.stream().filter(p -> p.login().equals(login)).findFirst();
	}

}
