package io.realtimestreaming.devstack.randomuser;

import java.util.List;

/**
 * Places Datafaker 2.5 lacks for some nationalities (see {@link NationalityProfile}): without
 * these, its fallback to {@code en} data would put Irish and Iranian users in US states.
 */
final class RegionNames {

  static final List<String> IRELAND_COUNTIES =
      List.of(
          "Carlow", "Cavan", "Clare", "Cork", "Donegal", "Dublin", "Galway", "Kerry", "Kildare",
          "Kilkenny", "Laois", "Leitrim", "Limerick", "Longford", "Louth", "Mayo", "Meath",
          "Monaghan", "Offaly", "Roscommon", "Sligo", "Tipperary", "Waterford", "Westmeath",
          "Wexford", "Wicklow");

  static final List<String> IRAN_PROVINCES =
      List.of(
          "تهران", "اصفهان", "فارس", "خراسان رضوی", "خراسان شمالی", "خراسان جنوبی",
          "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "گیلان", "مازندران", "گلستان", "سمنان",
          "قم", "مرکزی", "قزوین", "زنجان", "همدان", "کرمانشاه", "کردستان", "ایلام", "لرستان",
          "خوزستان", "بوشهر", "هرمزگان", "کرمان", "یزد", "سیستان و بلوچستان",
          "چهارمحال و بختیاری", "کهگیلویه و بویراحمد", "البرز");

  static final List<String> IRAN_CITIES =
      List.of(
          "تهران", "مشهد", "اصفهان", "کرج", "شیراز", "تبریز", "قم", "اهواز", "کرمانشاه", "ارومیه",
          "رشت", "زاهدان", "همدان", "کرمان", "یزد", "اردبیل", "بندرعباس", "اراک", "زنجان",
          "قزوین", "سنندج", "خرم‌آباد", "گرگان", "ساری", "بجنورد", "بوشهر", "ایلام", "شهرکرد",
          "یاسوج", "سمنان", "بیرجند", "کاشان", "نیشابور", "سبزوار", "آمل", "بابل", "دزفول");

  static final List<String> SERBIA_CITIES =
      List.of(
          "Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Zrenjanin", "Pančevo",
          "Čačak", "Kraljevo", "Novi Pazar", "Smederevo", "Leskovac", "Užice", "Vranje",
          "Valjevo", "Šabac", "Sombor", "Požarevac", "Pirot", "Zaječar", "Kikinda",
          "Sremska Mitrovica", "Jagodina", "Vršac", "Bor", "Prokuplje", "Loznica", "Kruševac",
          "Ivanjica", "Aranđelovac", "Bajina Bašta", "Kosjerić", "Lapovo", "Ljig", "Mionica");

  static final List<String> SERBIA_DISTRICTS =
      List.of(
          "Beograd", "Severna Bačka", "Srednji Banat", "Severni Banat", "Južni Banat",
          "Zapadna Bačka", "Južna Bačka", "Srem", "Mačva", "Kolubara", "Podunavlje", "Braničevo",
          "Šumadija", "Pomoravlje", "Bor", "Zaječar", "Zlatibor", "Moravica", "Raška",
          "Rasina", "Nišava", "Toplica", "Pirot", "Jablanica", "Pčinja");

  private RegionNames() {}
}
