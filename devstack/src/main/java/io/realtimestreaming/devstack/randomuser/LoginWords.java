package io.realtimestreaming.devstack.randomuser;

import java.util.List;

/**
 * The words randomuser builds logins from: usernames are an adjective, an animal and three digits
 * ("yellowpeacock117"); passwords come from a list of common passwords ("addison").
 */
final class LoginWords {

  static final List<String> ADJECTIVES =
      List.of(
          "yellow", "red", "blue", "green", "purple", "orange", "black", "white", "brown",
          "silver", "golden", "heavy", "lazy", "happy", "sad", "angry", "crazy", "tiny", "big",
          "small", "beautiful", "ticklish", "organic", "smart", "wild", "goofy", "sleepy", "fast",
          "brave", "shy", "lucky", "gentle");

  static final List<String> ANIMALS =
      List.of(
          "peacock", "bear", "cat", "dog", "duck", "elephant", "fish", "frog", "goose", "gorilla",
          "koala", "ladybug", "leopard", "lion", "meercat", "mouse", "ostrich", "owl", "panda",
          "parrot", "rabbit", "snake", "swan", "tiger", "wolf", "zebra", "butterfly", "buffalo",
          "bird", "dolphin", "horse", "kangaroo", "lizard", "monkey", "penguin", "rhino",
          "shark", "squirrel", "turtle", "walrus");

  static final List<String> PASSWORDS =
      List.of(
          "addison", "password", "123456", "qwerty", "letmein", "monkey", "dragon", "master",
          "sunshine", "princess", "football", "baseball", "shadow", "superman", "michael",
          "jennifer", "jordan", "hunter", "buster", "soccer", "harley", "batman", "andrew",
          "tigger", "charlie", "robert", "thomas", "hockey", "ranger", "daniel", "starwars",
          "klaster", "112233", "george", "computer", "michelle", "jessica", "pepper", "1111",
          "zxcvbn", "555555", "11111111", "131313", "freedom", "777777", "pass", "maggie",
          "159753", "aaaaaa", "ginger", "joshua", "cheese", "amanda", "summer", "love", "ashley",
          "nicole", "chelsea", "biteme", "matthew", "access", "yankees", "987654321", "dallas",
          "austin", "thunder", "taylor", "matrix", "mobydick", "hello", "scooter", "pookie");

  private LoginWords() {}
}
