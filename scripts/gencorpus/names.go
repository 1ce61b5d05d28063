package main

// The people of the source corpus (2016 US politics, PolNeAR) whose names
// each copy replaces, one first name and one surname at a time, so that
// "Hillary Clinton", "Clinton" and "Mrs. Clinton" stay one person within a
// copy and become someone else in the next.
var sourceFirst = words(`Donald Hillary Bernie Ted Marco Barack John Bill Jeb Ben Mitt Chris Carly Paul Rand Joe
	Corey Eric Tim Mike Ivanka Melania Huma Ronald George Elizabeth Harry Mitch Nancy Reince Kellyanne Newt Rudy
	Chelsea Vladimir James Loretta Lindsey Debbie Scott Rick Bobby Mike Martin Jill Gary Steve Sean Reince Michelle`)

var sourceLast = words(`Trump Clinton Sanders Cruz Rubio Obama Kasich Bush Carson Romney Christie Fiorina Ryan Paul Biden
	Lewandowski Kaine Pence Abedin Podesta Reagan Warren Reid McConnell Pelosi Priebus Conway Gingrich Giuliani Putin
	Comey Lynch Graham Schultz Walker Perry Jindal Huckabee O'Malley Stein Johnson Bannon Spicer Manafort Flynn Christie`)

// The made-up people who take their places.
var newFirst = words(`Amara Bogdan Celia Dario Elin Farah Gideon Hana Ilya Juno Kofi Lena Mateo Nadia Omar Petra
	Quentin Rosa Soren Talia Umar Vera Wendell Ximena Yusuf Zora Anton Beatriz Cyrus Daria Emil Freya Goran Hedda
	Ivo Jana Kasimir Liesl Milo Nika Oskar Paloma Radu Selin Teodor Uma Viktor Wanda Yara Zeno Adaeze Bruno Chiara
	Dmitri Esme Fabian Greta Hamid Ines Jorge Katya Luca Marisol Nils Odile Pavel Rania Stellan Tamsin Ulla Vasco
	Wilhelmina Xavier Yvette Zainab Alvar Brigid Caspian Delphine Eero Fenna Hollis Isolde Jovan Keziah Lorcan
	Maren Niamh Orla Piet Rafe Saoirse Tobiah Una Vesna Wren`)

var newLast = words(`Abernathy Bakshi Castellano Dragomir Eriksen Fonseca Gallagher Halvorsen Ibarra Jovanovic Kowalczyk
	Lindqvist Moreau Nakashima Okonkwo Petrakis Quintero Rasmussen Szabo Tanaka Ulrich Valdivia Whitcombe Yilmaz
	Zielinski Achterberg Bergstrom Cardenas Delacroix Esposito Falkner Grimaldi Holloway Iversen Jankowski Kuznetsov
	Lachance Mbeki Novak Ostrowski Pellegrini Quarles Rinaldi Sorensen Thorne Underhill Vasquez Wojcik Xanthos
	Yablonsky Zamora Adeyemi Blackwood Chaudhry Dunleavy Eastwick Fairbanks Goldfarb Haddad Ishikawa Jaramillo
	Kaminski Lockhart Marchetti Nwosu Oyelaran Prendergast Quigley Rosales Stanhope Tolliver Urquhart Voskuijlen
	Whitlock Yeager Zubiri Ambrose Boateng Crowther Dimitrov Ellsworth Ferreira Gutierrez Harrow Ingram Jessup
	Kovalenko Lindgren Mercado Nyberg Oduya Pacheco Renwick Salcedo Treadwell Ueda Vanterpool Westergaard Yoon
	Zaragoza Alcott Brannigan Caldwell Drummond Eberhardt Fitzwilliam Galloway Hargreaves Ivanova Kettering
	Lowenthal Mancini Northcott Oakes Pembroke Radcliffe Sandoval Thistlewood Vandermeer Wexford`)

// Outlets the copies are credited to, with their domains.
var outlets = []struct{ name, domain string }{
	{"Northline", "northline.example"}, {"The Valmora Courier", "valmoracourier.example"},
	{"Capital Ledger", "capitalledger.example"}, {"Harbor Daily", "harbordaily.example"},
	{"Prairie Sentinel", "prairiesentinel.example"}, {"Metro Dispatch", "metrodispatch.example"},
	{"The Evening Lantern", "eveninglantern.example"}, {"Riverside Observer", "riversideobserver.example"},
	{"Summit Wire", "summitwire.example"}, {"Coastal Record", "coastalrecord.example"},
	{"The Civic Review", "civicreview.example"}, {"Granite State Gazette", "granitegazette.example"},
	{"Lakeshore Times", "lakeshoretimes.example"}, {"Frontier Post", "frontierpost.example"},
	{"Ironbridge Herald", "ironbridgeherald.example"}, {"Blue Mesa News", "bluemesanews.example"},
	{"The Tidewater Journal", "tidewaterjournal.example"}, {"Keystone Bulletin", "keystonebulletin.example"},
	{"Pinecrest Chronicle", "pinecrestchronicle.example"}, {"Delta Report", "deltareport.example"},
	{"Open Ballot", "openballot.example"}, {"Statehouse Notes", "statehousenotes.example"},
	{"The Morning Ferry", "morningferry.example"}, {"Cedar Valley Press", "cedarvalleypress.example"},
	{"Union Square Monitor", "unionsquaremonitor.example"}, {"Red Rock Register", "redrockregister.example"},
	{"The Plainspoken", "plainspoken.example"}, {"Westgate Digest", "westgatedigest.example"},
	{"Harvest Moon Weekly", "harvestmoonweekly.example"}, {"Signal Hill Online", "signalhill.example"},
}

func words(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}
