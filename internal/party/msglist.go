package party

// listArg makes one message argument of several values, "a, b, c": a chain
// of rules.list.join messages, so that each value is still written the
// reader's way (a Period as "tháng 6/2026" or "June 2026").
func listArg(items []any) any {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return M("rules.list.join", items[0], listArg(items[1:]))
}

// MsgList joins messages into one argument, "a, b, c", for a message that
// names several things ("Còn thiếu: giờ kết thúc, xác nhận đã đọc lại").
func MsgList(ms []Msg) any {
	items := make([]any, len(ms))
	for i, m := range ms {
		items[i] = m
	}
	return listArg(items)
}
