package extract

import (
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english news", "The harbour master said on Tuesday that the ferries would run again from the old pier, " +
			"but that the new timetable had not been agreed with the unions, who have asked for more staff on the late crossings. " +
			"Passengers were told to check the notices at the ticket office.", "en"},
		{"french", "Le maire de la commune a annoncé mardi que le marché couvert rouvrira ses portes au printemps, " +
			"après deux années de travaux. Les commerçants attendent cette nouvelle depuis longtemps et espèrent " +
			"retrouver leurs clients habituels dès les premiers jours.", "fr"},
		{"german", "Die Stadtverwaltung hat am Montag mitgeteilt, dass die Brücke über den Fluss im Sommer für drei Monate " +
			"gesperrt wird. Die Bauarbeiten sollen im Juni beginnen, und die Busse werden in dieser Zeit über die " +
			"Umgehungsstraße fahren.", "de"},
		{"spanish", "El ayuntamiento anunció el lunes que la biblioteca municipal ampliará su horario durante los meses de " +
			"exámenes. Los estudiantes podrán usar las salas de lectura hasta la medianoche, según explicó la concejala " +
			"de cultura en una rueda de prensa.", "es"},
		{"russian", "Городской совет сообщил во вторник, что новый мост через реку откроют в конце лета. Строители " +
			"обещают закончить работы вовремя, хотя весной из-за паводка их пришлось приостановить на две недели.", "ru"},
		{"short english", "The rail union called off the strike after a late offer from the operator, a spokeswoman said.", "en"},
		{"short dutch", "De gemeente zegt dat de brug van maandag tot vrijdag dicht is, of misschien langer.", Undetermined},
		{"too short", "Officials said no.", Undetermined},
		{"empty", "", Undetermined},
		{"numbers only", strings.Repeat("2021-03-04 12:00 ", 20), Undetermined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				t.Errorf("Language() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrefixCutsOnRuneBoundary(t *testing.T) {
	s := strings.Repeat("é", 10) // two bytes each
	if got := prefix(s, 5); got != "éé" {
		t.Errorf("prefix(%q, 5) = %q, want %q", s, got, "éé")
	}
	if got := prefix("abc", 10); got != "abc" {
		t.Errorf("prefix short = %q", got)
	}
}
