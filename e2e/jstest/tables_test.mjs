// Unit tests of the sortable table's ordering (templates/js/tables.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareBy } from "./js/tables.js";

test("numbers sort as numbers, both ways, empty cells last", () => {
  const keys = ["10", "", "9", "100"];
  assert.deepEqual([...keys].sort(compareBy("number", 1)), ["9", "10", "100", ""]);
  assert.deepEqual([...keys].sort(compareBy("number", -1)), ["100", "10", "9", ""]);
});

test("text sorts without regard to case; dates as text", () => {
  assert.deepEqual(["beta", "Alpha", "gamma"].sort(compareBy("text", 1)), ["Alpha", "beta", "gamma"]);
  assert.deepEqual(["2020-01-02", "", "2019-12-31"].sort(compareBy("text", -1)), ["2020-01-02", "2019-12-31", ""]);
});
