package entity

// givenNames are common first names in English-language news. A person's
// name is at most two words unless its first word is one of these: "John
// Paul Jones" and "Hillary Rodham Clinton" are three-word names, but a
// capitalised word before a two-word name in a headline ("Rival Hillary
// Clinton", "Actor Clint Howard") is not. Words that are also common
// capitalised non-names (Will, May, Mark, Grant, Hope) are left out.
var givenNames = set(`aaron abdul abdullah adam adrian ahmed ahmad aisha alan albert alex alexander alexandra
	alexis ali alice alicia allison amanda amber amy ana andrea andrew andy angela angie ann anna anne
	annie anthony antonio arthur ashley barack barbara barry ben benjamin bernard bernie beth betsy betty
	beverly bill billy bob bobby bonnie brad bradley brandon brenda brian bruce bryan carl carla carlos
	carol caroline carolyn catherine charles charlie cheryl chris christina christine christopher cindy
	claire clara clarence claude craig cynthia dale dan dana daniel danny david dawn deborah debbie debra
	denise dennis diana diane donald donna doris dorothy doug douglas dylan earl ed eddie edward elaine
	eleanor elena elijah elizabeth ellen elliot emily emma eric erica erin ernest ethan eugene evan
	evelyn fatima francis frank fred frederick gary george georgia gerald gina gloria gordon greg
	gregory hannah harold harry heather heidi helen henry herbert howard hugh hussein ian irene isaac
	jack jackie jacob james jamie jane janet janice jason jean jeb jeff jeffrey jennifer jenny jeremy
	jerome jerry jesse jessica jill jim jimmy jo joan joanne joe joel john johnny jon jonathan jordan
	jorge jose joseph josh joshua joyce juan judith judy julia julian julie justin karen kate katherine
	kathleen kathryn kathy katie keith kelly ken kenneth kevin kim kimberly kyle larry laura lauren
	lawrence leah lee leon leonard leslie linda lisa lois loretta lori louis louise lucy luis lynn
	madeleine margaret maria marie marilyn mario marjorie martha martin mary matthew megan melissa
	michael michele michelle miguel mike mohammad mohammed muhammad nancy natalie nathan neil nicholas
	nicole nikki noah norman olivia omar pamela patricia patrick paul paula peggy peter philip phillip
	priscilla rachel ralph randy raymond rebecca richard rick rita robert roberta robin roger ronald
	ruth ryan sally samantha samuel sandra sara sarah scott sean sharon shirley stephanie stephen steve
	steven susan suzanne sylvia tammy teresa terry thomas tim timothy tina todd tom tony tracy tyler
	valerie vanessa victor victoria vincent virginia walter wayne wendy william willie yvonne zachary
	ahmet barron beto boris carly chelsea chuck cory corey dick dmitry emmanuel francois
	giuseppe hamid hassan heydar hillary huma ilham ivan ivanka jared kamala karim kellyanne kirsten
	lindsey luiz manuel marco melania mehmet mikhail mitch mitt mustafa newt nikol nikolai olaf olga
	pedro pete pierre rahm recep reince rudy sergei sergey tatiana tiffany tulsi vladimir`)
