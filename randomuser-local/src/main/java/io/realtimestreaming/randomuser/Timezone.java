package io.realtimestreaming.randomuser;

import java.util.List;

/**
 * {@code location.timezone}. Like the real API, the zone is drawn from one world-wide list,
 * independently of the user's nationality.
 */
record Timezone(String offset, String description) {

  static final List<Timezone> ALL =
      List.of(
          new Timezone("-12:00", "Eniwetok, Kwajalein"),
          new Timezone("-11:00", "Midway Island, Samoa"),
          new Timezone("-10:00", "Hawaii"),
          new Timezone("-9:00", "Alaska"),
          new Timezone("-8:00", "Pacific Time (US & Canada)"),
          new Timezone("-7:00", "Mountain Time (US & Canada)"),
          new Timezone("-6:00", "Central Time (US & Canada), Mexico City"),
          new Timezone("-5:00", "Eastern Time (US & Canada), Bogota, Lima"),
          new Timezone("-4:00", "Atlantic Time (Canada), Caracas, La Paz"),
          new Timezone("-3:30", "Newfoundland"),
          new Timezone("-3:00", "Brazil, Buenos Aires, Georgetown"),
          new Timezone("-2:00", "Mid-Atlantic"),
          new Timezone("-1:00", "Azores, Cape Verde Islands"),
          new Timezone("0:00", "Western Europe Time, London, Lisbon, Casablanca"),
          new Timezone("+1:00", "Brussels, Copenhagen, Madrid, Paris"),
          new Timezone("+2:00", "Kaliningrad, South Africa"),
          new Timezone("+3:00", "Baghdad, Riyadh, Moscow, St. Petersburg"),
          new Timezone("+3:30", "Tehran"),
          new Timezone("+4:00", "Abu Dhabi, Muscat, Baku, Tbilisi"),
          new Timezone("+4:30", "Kabul"),
          new Timezone("+5:00", "Ekaterinburg, Islamabad, Karachi, Tashkent"),
          new Timezone("+5:30", "Bombay, Calcutta, Madras, New Delhi"),
          new Timezone("+5:45", "Kathmandu"),
          new Timezone("+6:00", "Almaty, Dhaka, Colombo"),
          new Timezone("+7:00", "Bangkok, Hanoi, Jakarta"),
          new Timezone("+8:00", "Beijing, Perth, Singapore, Hong Kong"),
          new Timezone("+9:00", "Tokyo, Seoul, Osaka, Sapporo, Yakutsk"),
          new Timezone("+9:30", "Adelaide, Darwin"),
          new Timezone("+10:00", "Eastern Australia, Guam, Vladivostok"),
          new Timezone("+11:00", "Magadan, Solomon Islands, New Caledonia"),
          new Timezone("+12:00", "Auckland, Wellington, Fiji, Kamchatka"));
}
