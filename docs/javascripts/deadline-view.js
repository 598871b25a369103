/* One deadline as the pages show it, the same in the return-deadline helper (deadline-helper.js) and on
   내 사건 (case-view.js): the date as a <time datetime>, the days left (screen only: on paper it would go
   stale), "먼저 오는 날" when it ends first of two limits that both apply, and why 민법 제161조 moved it;
   or 확인 필요 with the earliest it can be, when the holidays of its year are not known. */
import { longDate, monthDay, weekday } from "./days.js";
import { daysLeft } from "./deadline-math.js";

const WHY = { saturday: "토요일", sunday: "일요일", holiday: "공휴일" };

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A day as a <time datetime="YYYY-MM-DD">, written "2026년 12월 28일 (월)". */
export function time(day) {
  const node = el("time", "", longDate(day));
  node.dateTime = day;
  return node;
}

function left(n) {
  if (n > 0) return `오늘부터 ${n}일 남았어요`;
  if (n === 0) return "오늘이 마지막 날이에요";
  return `${-n}일 지났어요`;
}

/** `result` (deadline-math.js) into `into`, replacing what was there, as of `now`. Returns what the caller
    marks on its row: { unknown, past, first }. */
export function showDeadline(into, result, first, now) {
  into.textContent = "";
  const date = el("strong", "deadline-date");
  if (!result.certain) {
    date.textContent = "확인 필요";
    const why = el("span", "deadline-why", `${result.unknownYear}년 공휴일을 몰라서 날짜를 정할 수 없어요. 적어도 `);
    why.append(time(result.atLeast), "까지는 돼요. 달력에서 공휴일을 확인해요.");
    into.append(date, " ", why);
    return { unknown: true, past: false, first: false };
  }
  date.appendChild(time(result.date));
  const n = daysLeft(result, now);
  into.append(date, " ", el("span", "deadline-left", left(n)));
  if (first) into.append(" ", el("span", "deadline-first", "먼저 오는 날"));
  if (result.moved) {
    const text = `${monthDay(result.lastDay)}이 ${WHY[result.why]}이라 ${monthDay(result.date)}(${weekday(result.date)})까지예요.`;
    into.append(" ", el("span", "deadline-why", text));
  }
  return { unknown: false, past: n < 0, first };
}
