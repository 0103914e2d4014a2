package io.realtimestreaming.randomuser;

import java.util.Locale;
import java.util.Map;

/**
 * {@code first.last@example.com}, as the API writes it: lower case, spaces and punctuation but
 * hyphens dropped, Latin letters kept with their accents ("ülkü.akbulut@example.com"), and Cyrillic
 * and Persian names romanized ("orest.hnatiuk@example.com"), so clients meet the same mix of ASCII
 * and non-ASCII addresses as from randomuser.me.
 */
final class EmailAddress {

  private static final Map<Character, String> ROMAN =
      Map.ofEntries(
          // Ukrainian Cyrillic (national transliteration, simplified)
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "h"),
          Map.entry('ґ', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('є', "ie"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "y"),
          Map.entry('і', "i"),
          Map.entry('ї', "i"),
          Map.entry('й', "i"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('о', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ь', ""),
          Map.entry('ю', "iu"),
          Map.entry('я', "ia"),
          Map.entry('ъ', ""),
          Map.entry('ы', "y"),
          Map.entry('э', "e"),
          Map.entry('ё', "io"),
          // Persian
          Map.entry('ا', "a"),
          Map.entry('آ', "a"),
          Map.entry('ب', "b"),
          Map.entry('پ', "p"),
          Map.entry('ت', "t"),
          Map.entry('ث', "s"),
          Map.entry('ج', "j"),
          Map.entry('چ', "ch"),
          Map.entry('ح', "h"),
          Map.entry('خ', "kh"),
          Map.entry('د', "d"),
          Map.entry('ذ', "z"),
          Map.entry('ر', "r"),
          Map.entry('ز', "z"),
          Map.entry('ژ', "zh"),
          Map.entry('س', "s"),
          Map.entry('ش', "sh"),
          Map.entry('ص', "s"),
          Map.entry('ض', "z"),
          Map.entry('ط', "t"),
          Map.entry('ظ', "z"),
          Map.entry('ع', "a"),
          Map.entry('غ', "gh"),
          Map.entry('ف', "f"),
          Map.entry('ق', "gh"),
          Map.entry('ک', "k"),
          Map.entry('ك', "k"),
          Map.entry('گ', "g"),
          Map.entry('ل', "l"),
          Map.entry('م', "m"),
          Map.entry('ن', "n"),
          Map.entry('و', "v"),
          Map.entry('ه', "h"),
          Map.entry('ی', "y"),
          Map.entry('ي', "y"),
          Map.entry('ئ', "y"),
          Map.entry('ء', ""),
          Map.entry('ة', "h"));

  private EmailAddress() {}

  static String of(String first, String last) {
    return localPart(first) + "." + localPart(last) + "@example.com";
  }

  private static String localPart(String name) {
    // Turkish dotted capital I would lower-case to "i" plus a combining dot
    String lower = name.replace('İ', 'I').toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      String roman = ROMAN.get(c);
      if (roman != null) {
        out.append(roman);
      } else if (Character.isLetterOrDigit(c) || c == '-') {
        out.append(c);
      }
    }
    return out.length() == 0 ? "user" : out.toString();
  }
}
