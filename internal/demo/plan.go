package demo

import (
	"context"
	"time"

	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
)

// The demo's plan, modelled on Project 11 (Đề án 11-ĐA/TU of the Hà Nội
// Party Committee on the quality of cell meetings): a five-year roadmap
// around the demo's three years of meetings, with rising targets for the
// indicators the system measures.

// PlanNumber and PlanTitle name the demo's plan.
const (
	PlanNumber = "11-ĐA/TU"
	PlanTitle  = "Đề án 11-ĐA/TU nâng cao chất lượng sinh hoạt chi bộ"
)

const planGoals = `Nâng cao chất lượng sinh hoạt chi bộ, trọng tâm là sinh hoạt thường kỳ và sinh hoạt chuyên đề, góp phần xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh.
Bảo đảm các chi bộ duy trì nền nếp sinh hoạt thường kỳ hằng tháng, sinh hoạt chuyên đề ít nhất mỗi quý một lần; nội dung thiết thực, gắn với nhiệm vụ chính trị của địa phương, đơn vị; tăng tỷ lệ đảng viên dự sinh hoạt và tỷ lệ buổi sinh hoạt đạt loại Tốt.
Bồi dưỡng nghiệp vụ công tác đảng cho bí thư chi bộ; quán triệt kịp thời các văn bản của cấp ủy cấp trên đến từng đảng viên.`

// planTargets are the targets (%) for the five years of the roadmap.
var planTargets = []struct {
	code  string
	years [5]string
}{
	{plans.EveryMonth, [5]string{"80", "85", "90", "95", "100"}},
	{plans.EveryQuarter, [5]string{"70", "80", "85", "90", "95"}},
	{plans.Attendance, [5]string{"90", "90", "92", "93", "95"}},
	{plans.GradedTot, [5]string{"20", "25", "30", "35", "40"}},
	{plans.OnTime, [5]string{"85", "88", "90", "92,5", "95"}},
	{plans.MinutesSigned, [5]string{"80", "85", "90", "95", "100"}},
	{plans.SecretariesTrained, [5]string{"50", "60", "70", "80", "90"}},
	{plans.DocumentsAcked, [5]string{"80", "85", "90", "95", "95"}},
}

// SeedPlan stores the demo's plan for the city committee (the demo's root
// organization), with the organizations directly under it responsible; its
// roadmap runs from two years before today's year to two years after. It
// answers the plan's id.
func SeedPlan(ctx context.Context, db *store.DB, city int64, today party.Date) (int64, error) {
	from := today.Year() - 2
	in := plans.Input{OrgID: city, Number: PlanNumber, Title: PlanTitle, Goals: planGoals, YearFrom: from, YearTo: from + 4,
		Responsible: []int64{city}}
	err := db.View(ctx, func(tx *store.Tx) error {
		children, err := tx.Children(ctx, city)
		for _, c := range children {
			in.Responsible = append(in.Responsible, c.ID)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	for _, t := range planTargets {
		ii := plans.IndicatorInput{Code: t.code, Targets: map[int]string{}}
		for i, v := range t.years {
			ii.Targets[from+i] = v
		}
		in.Indicators = append(in.Indicators, ii)
	}
	s := &plans.Service{DB: db, Now: func() time.Time { return today.At(12, 0) }}
	id, err := s.Create(ctx, store.Actor{Username: "demo"}, in)
	if err != nil {
		return 0, err
	}
	return id, nil
}
