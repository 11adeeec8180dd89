// The community demo's budget forum: topics on ESF+ budgets and reporting (eligibility of costs, payment
// claims, indicators, the competitiveness rule, checks and corrections), in Polish and in English.
import type { DemoTopic } from './demo-moments.ts'

const celina = 'czlonek@demo.siatka.test'
const edward = 'ekspert@demo.siatka.test'
const pawel = 'projekt@demo.siatka.test'
const sylwia = 'sekretarz@demo.siatka.test'
const piotr = 'przewodniczacy@demo.siatka.test'
const magdalena = 'magdalena.wisniewska@demo.siatka.test'
const tomasz = 'tomasz.zielinski@demo.siatka.test'
const dariusz = 'dariusz.kwiatkowski@demo.siatka.test'
const maria = 'maria.fernandez@demo.siatka.test'
const jan = 'jan.devries@demo.siatka.test'
const aoife = 'aoife.byrne@demo.siatka.test'
const tomas = 'tomas.novak@demo.siatka.test'
const lena = 'lena.hofmann@demo.siatka.test'

export const budgetTopics: DemoTopic[] = [
  {
    title: 'Catering na posiedzeniu sieci dla osób, które nie są uczestnikami projektu – kwalifikowalny?',
    lang: 'pl',
    question: true,
    accepted: 3,
    posts: [
      {
        by: pawel,
        ago: 295,
        hour: 10,
        body: 'Posiedzenia sieci tematycznej mamy we wniosku jako zadanie 2. Przychodzą na nie przedstawiciele JST, PES i organizacji pozarządowych, którzy **nie są uczestnikami projektu** w rozumieniu wskaźników. Spotkanie trwa ok. 4 godzin, planujemy przerwę kawową i lekki lunch. Czy taki catering obroni się przy rozliczeniu?',
      },
      {
        by: tomasz,
        ago: 294,
        hour: 9,
        body: 'W poprzednim projekcie IP zakwestionowała nam obiad przy spotkaniu trzygodzinnym, przerwa kawowa przeszła bez uwag. Zajrzyj do katalogu stawek, do którego odsyła regulamin naboru – tam zwykle jest warunek minimalnej długości zajęć.',
      },
      {
        by: edward,
        ago: 293,
        hour: 14,
        body: 'To, że goście nie są uczestnikami, nie przesądza sprawy. Catering jest tu kosztem **realizacji zadania** (posiedzenia sieci), a nie wsparcia uczestnika – liczy się, czy zadanie i wydatek są we wniosku o dofinansowanie, w budżecie i w rozsądnej wysokości.\n\nNiekwalifikowalny byłby catering na wewnętrzne spotkania zespołu projektowego. Co do lunchu: wiele IZ dopuszcza obiad dopiero przy zajęciach od 6 godzin lekcyjnych, więc przy 4 godzinach bezpieczniej zostać przy przerwie kawowej z poczęstunkiem. Do dokumentacji dołóż:\n- program spotkania z godzinami,\n- listę obecności,\n- protokół odbioru usługi i fakturę z liczbą porcji.',
      },
      {
        by: pawel,
        ago: 293,
        hour: 16,
        body: 'Dziękuję, to bardzo porządkuje temat. A jeśli zamówimy na 40 osób według rejestracji, a przyjdzie 31?',
      },
      {
        by: edward,
        ago: 292,
        hour: 10,
        body: 'Zamawianie według zgłoszeń jest w porządku, tylko zachowaj potwierdzenia rejestracji. Rozsądnie jest wpisać do umowy z firmą cateringową możliwość zmniejszenia liczby porcji na dzień lub dwa przed spotkaniem – przy dużej różnicy kontrolujący może zapytać, czemu z niej nie skorzystaliście.',
      },
      {
        by: magdalena,
        ago: 287,
        hour: 12,
        body: 'Od siebie dodam: szacujcie wartość cateringu **łącznie na cały projekt**, a nie na jedno posiedzenie. Nam przy sześciu spotkaniach wyszło ponad 50 tys. zł netto i musieliśmy iść przez Bazę Konkurencyjności.',
      },
      {
        by: pawel,
        ago: 280,
        hour: 9,
        body: 'Aktualizacja: pierwsze posiedzenie rozliczone we wniosku o płatność bez uwag – przerwa kawowa, lista obecności i program wystarczyły. Dzięki wszystkim!',
      },
    ],
  },
  {
    title: 'Osoby pracujące sześć miesięcy po opuszczeniu programu – czy to my mamy to mierzyć?',
    lang: 'pl',
    question: true,
    accepted: 3,
    posts: [
      {
        by: dariusz,
        ago: 185,
        hour: 9,
        body: 'Realizujemy w PUP projekt EFS+ dla osób bezrobotnych po 30. roku życia. W umowie mamy wskaźnik „liczba osób pracujących, łącznie z prowadzącymi działalność na własny rachunek, po opuszczeniu programu”, a w regulaminie naboru dodatkowo efektywność zatrudnieniową. Koleżanka twierdzi, że musimy jeszcze ankietować uczestników pół roku po zakończeniu. Czy to faktycznie nasz obowiązek?',
      },
      {
        by: pawel,
        ago: 185,
        hour: 13,
        body: 'My mierzyliśmy status na wyjściu i trzymaliśmy kontakt z uczestnikami, ale nikt nie wymagał od nas badania po sześciu miesiącach. Też jestem ciekaw, jak to jest formalnie.',
      },
      {
        by: edward,
        ago: 184,
        hour: 10,
        body: 'Trzeba rozdzielić trzy rzeczy:\n1. **Wskaźniki rezultatu bezpośredniego** (wspólne EFS+) – status uczestnika tuż po opuszczeniu programu, mierzony do 4 tygodni od zakończenia udziału. To raportujecie wy.\n2. **Wskaźniki długoterminowe** (np. sytuacja po sześciu miesiącach) – mierzy je IZ na próbie, w badaniu ewaluacyjnym. Beneficjent nie ankietuje, ale powinien uprzedzić uczestników, że mogą zostać poproszeni o udział w badaniu.\n3. **Efektywność zatrudnieniowa** – liczona według regulaminu naboru, zwykle do 3 miesięcy po zakończeniu udziału, udokumentowana umową, zaświadczeniem pracodawcy albo wpisem do CEIDG.\n\nJedna osoba może się liczyć i do wskaźnika, i do efektywności – to nie jest podwójne liczenie.',
      },
      {
        by: dariusz,
        ago: 184,
        hour: 14,
        body: 'Bardzo dziękuję. Jeszcze jedno: jak traktować osobę, która w połowie szkolenia podjęła pracę i zrezygnowała?',
      },
      {
        by: edward,
        ago: 183,
        hour: 9,
        body: 'Też „opuściła program”, tyle że przedwcześnie. Datą wyjścia jest dzień rezygnacji albo ostatniej formy wsparcia, a status na rynku pracy mierzycie tak samo. Jeśli odeszła, bo dostała pracę, wykazujecie ją jako pracującą po opuszczeniu programu – warto mieć jej pisemne oświadczenie z datą.',
      },
      {
        by: magdalena,
        ago: 180,
        hour: 11,
        body: 'Praktyczna rada: już w formularzu zgłoszeniowym zbierajcie zgodę na kontakt po zakończeniu udziału i aktualny numer telefonu. I nie naciskajcie przy danych wrażliwych – uczestnik może odmówić podania informacji o niepełnosprawności i to jest dopuszczalna odpowiedź.',
      },
      {
        by: tomasz,
        ago: 176,
        hour: 15,
        body: 'U nas przy kontroli IP porównała próbę osób wykazanych jako pracujące z danymi z ZUS. Dwie rozbieżności dotyczyły umów zleceń zawartych dzień po terminie – dobrze mieć kopie dokumentów, a nie same oświadczenia.',
      },
      {
        by: dariusz,
        ago: 170,
        hour: 10,
        body: 'Sprawdziłem regulamin: efektywność zatrudnieniowa liczona w ciągu 3 miesięcy, badanie po pół roku robi IZ. Koleżanka przekonana, dziękuję za pomoc.',
      },
    ],
  },
  {
    title: 'Wniosek o płatność w SL2021 wrócił do poprawy – poprawiać ten sam czy składać nowy?',
    lang: 'pl',
    question: true,
    accepted: 2,
    posts: [
      {
        by: magdalena,
        ago: 70,
        hour: 11,
        body: 'Opiekunka projektu odesłała nam wniosek o płatność w SL2021 do poprawy: chce protokołów odbioru do dokumentów z próby i zmiany kategorii kosztów przy dwóch fakturach. Czy poprawiam ten sam wniosek, czy tworzę nowy? I czy to opóźni kolejną transzę zaliczki?',
      },
      {
        by: tomasz,
        ago: 70,
        hour: 14,
        body: 'Poprawiasz **ten sam** wniosek – po odesłaniu do poprawy znów da się go edytować, a poprzednia wersja zostaje w historii. Skany protokołów dołączasz przy dokumentach wybranych do próby, a krótkie wyjaśnienie, co zmieniłaś, najlepiej wysłać przez korespondencję w systemie, żeby był ślad.\n\nCo do transzy: u nas umowa mówi, że kolejną zaliczkę przekazują po zatwierdzeniu wniosku, w którym rozliczyliśmy co najmniej 70% otrzymanych środków. Poprawka opóźnia więc przelew tylko wtedy, gdy od tego wniosku zależy ten próg.',
      },
      {
        by: magdalena,
        ago: 69,
        hour: 9,
        body: 'Dziękuję! Protokoły już są. Ale kategorii kosztów przy jednej fakturze nie da się zmienić – pole jest wyszarzone.',
      },
      {
        by: edward,
        ago: 69,
        hour: 13,
        body: 'Najpewniej ta faktura była już ujęta w zatwierdzonym wcześniej wniosku – tam edycji nie ma. Wtedy w bieżącym wniosku robisz **korektę**: wydatek z minusem w starej kategorii i ten sam wydatek w nowej. Sprawdź przy okazji, czy nowa kategoria leży w tym samym zadaniu budżetu, bo inaczej to już przesunięcie między zadaniami.',
      },
      {
        by: magdalena,
        ago: 68,
        hour: 10,
        body: 'Zadziałało z korektą, zadanie to samo. Wniosek wysłany ponownie, opiekunka potwierdziła, że teraz wszystko się zgadza.',
      },
      {
        by: sylwia,
        ago: 62,
        hour: 12,
        body: 'Dodałam do biblioteki sieci instrukcję użytkownika SL2021 dla beneficjentów i krótką ściągę z korekt we wnioskach o płatność. Aktualne wersje instrukcji są też na https://www.funduszeeuropejskie.gov.pl/.',
      },
    ],
  },
  {
    title:
      'Wkład własny w postaci sali i pracy wolontariuszy w spółdzielni socjalnej – jak go udokumentować?',
    lang: 'pl',
    question: true,
    accepted: 2,
    posts: [
      {
        by: celina,
        ago: 140,
        hour: 10,
        body: 'Jesteśmy partnerem w projekcie i mamy wnieść 5% wkładu własnego. Planujemy wkład niepieniężny: naszą salę warsztatową i pracę wolontariuszy przy zajęciach dla uczestników. Jak to wycenić i co pokazać przy rozliczeniu, żeby nie było kłopotu?',
      },
      {
        by: edward,
        ago: 139,
        hour: 12,
        body: 'Wkład niepieniężny jest dopuszczalny, o ile jest opisany we wniosku o dofinansowanie, a jego wartość nie przekracza stawek rynkowych. W praktyce:\n- **sala** – cennik wynajmu albo porównanie z ofertami podobnych sal w okolicy oraz ewidencja godzin, w których sala służyła projektowi;\n- **wolontariusze** – porozumienie o wolontariacie, ewidencja czasu pracy i wycena według stawki za podobną pracę na rynku lokalnym.\n\nJeśli lokal był kupiony lub remontowany ze środków publicznych w ostatnich latach, sprawdź w wytycznych kwalifikowalności, czy może w ogóle stanowić wkład.',
      },
      {
        by: celina,
        ago: 139,
        hour: 15,
        body: 'Dziękuję, to jasne. Tylko że „wolontariusze” to w dużej części nasi członkowie spółdzielni. Czy to coś zmienia?',
      },
      {
        by: piotr,
        ago: 138,
        hour: 10,
        body: 'Zmienia, i to sporo. Członkowie spółdzielni socjalnej zwykle są w niej zatrudnieni – jeśli prowadzą zajęcia w godzinach pracy, za które płaci spółdzielnia, to jest wkład w postaci wynagrodzenia personelu, a nie wolontariat.',
      },
      {
        by: edward,
        ago: 137,
        hour: 9,
        body: 'Potwierdzam to, co pisze @[Piotr Przewodniczący]. Pracownik nie może być wolontariuszem u swojego pracodawcy w zakresie tego, co robi w ramach umowy. Rozdzielcie więc: osoby zatrudnione wykazujcie jako wkład z wynagrodzenia (z ewidencją godzin), a wolontariat zostawcie dla osób spoza zatrudnienia. Wkład pokazujcie w kolejnych wnioskach o płatność proporcjonalnie, a nie jednorazowo na końcu.',
      },
      {
        by: celina,
        ago: 128,
        hour: 11,
        body: 'Poprawiliśmy zestawienie według tych wskazówek i na wizycie monitoringowej nie było żadnych uwag do wkładu. Bardzo dziękujemy!',
      },
    ],
  },
  {
    title: 'VAT u partnera rozliczającego prewspółczynnik – jak wykazywać go we wnioskach o płatność?',
    lang: 'pl',
    question: true,
    posts: [
      {
        by: tomasz,
        ago: 30,
        hour: 9,
        body: 'Mamy duży projekt partnerski, powyżej progu, od którego VAT jest kwalifikowalny tylko wtedy, gdy nie da się go odzyskać. Partner (gmina) stosuje prewspółczynnik i współczynnik, więc część VAT odlicza. Jak wykazujecie taki częściowo odzyskiwalny VAT we wnioskach o płatność? I co z roczną korektą prewspółczynnika?',
      },
      {
        by: dariusz,
        ago: 29,
        hour: 11,
        body: 'My jako PUP w ogóle nie odliczamy VAT, więc z prewspółczynnikiem nie mam doświadczenia. Składamy tylko co roku oświadczenie o kwalifikowalności VAT.',
      },
      {
        by: pawel,
        ago: 27,
        hour: 13,
        body: 'U nas IZ zażądała od partnera indywidualnej interpretacji z KIS. Czekaliśmy na nią prawie trzy miesiące, a do tego czasu VAT był wstrzymany we wnioskach.',
      },
      {
        by: tomasz,
        ago: 26,
        hour: 10,
        body: 'Tyle że interpretacja dotyczy gminy, a wnioski o płatność składamy my jako lider. Nadal nie wiem, czy partner po rocznej korekcie ma zwrócić różnicę w tym samym roku, czy rozliczyć ją w końcowym wniosku. @[Edward Ekspert], może spotkał się Pan z takim przypadkiem?',
      },
      {
        by: magdalena,
        ago: 20,
        hour: 14,
        body: 'Mieliśmy podobną sytuację. IP kazała partnerowi podpisać zobowiązanie do zwrotu VAT, gdyby zyskał możliwość jego odzyskania, ale o korekcie prewspółczynnika nikt nic nie napisał. Obserwuję wątek.',
      },
    ],
  },
  {
    title:
      'Szkolenia dla pracowników PES w OWES – kto wydaje zaświadczenie de minimis i kto raportuje pomoc?',
    lang: 'pl',
    question: true,
    posts: [
      {
        by: piotr,
        ago: 2,
        hour: 11,
        body: 'W sieci ekonomii społecznej pojawiło się pytanie od kilku spółdzielni: OWES finansuje szkolenia dla ich pracowników jako pomoc de minimis. Kto w takim układzie wydaje zaświadczenie – operator OWES czy IZ? Kto wprowadza pomoc do SHRIMP (dawniej SUDOP)? I czy przy limicie 300 tys. euro w trzech latach liczymy też wsparcie doradcze, za które PES nic nie płaci?',
      },
    ],
  },
  {
    title: 'Kontrola na miejscu w projekcie EFS+ – co sprawdzali i za co dostaliśmy korektę',
    lang: 'pl',
    question: false,
    posts: [
      {
        by: magdalena,
        ago: 118,
        hour: 10,
        body: 'W zeszłym tygodniu mieliśmy kontrolę na miejscu. Sprawdzali:\n- listy obecności i dokumentację rekrutacji uczestników,\n- umowy z trenerami i protokoły odbioru,\n- oznakowanie (plakat w siedzibie, logotypy na materiałach),\n- dwa postępowania w Bazie Konkurencyjności.\n\nW jednym postępowaniu termin składania ofert wynosił 5 dni zamiast 7 – w informacji pokontrolnej jest korekta finansowa 5% wartości zamówienia. Dzielę się, żeby inni nie wpadli na to samo.',
      },
      {
        by: tomasz,
        ago: 117,
        hour: 13,
        body: 'U nas kontrolujący najdłużej siedzieli nad ewidencją godzin personelu zaangażowanego w dwa projekty naraz – sprawdzali, czy godziny się nie nakładają. Warto to zweryfikować samemu przed kontrolą.',
      },
      {
        by: piotr,
        ago: 116,
        hour: 9,
        body: 'Magdaleno, a da się z taką korektą dyskutować? Z tego, co piszesz, ofert i tak wpłynęło kilka.',
      },
      {
        by: edward,
        ago: 115,
        hour: 11,
        body: 'Da się. Na zastrzeżenia do informacji pokontrolnej jest 14 dni od jej otrzymania. Wysokość korekty wynika z taryfikatora, ale ten przewiduje możliwość obniżenia stawki, gdy charakter naruszenia nie wpłynął na konkurencję. Najmocniejszy argument to dowody: liczba złożonych ofert, rozpiętość cen, brak zapytań od wykonawców o przedłużenie terminu.',
      },
      {
        by: magdalena,
        ago: 112,
        hour: 14,
        body: 'Złożyliśmy zastrzeżenia z wydrukiem z Bazy: 4 oferty, różnica między najtańszą a najdroższą ok. 12%. Czekamy.',
      },
      {
        by: celina,
        ago: 110,
        hour: 10,
        body: 'Dla mniejszych organizacji polecam prostą rzecz: jedna „teczka kontrolna” na każde zadanie, układana na bieżąco, a nie w tygodniu przed kontrolą. U nas to skróciło kontrolę o cały dzień.',
      },
      {
        by: sylwia,
        ago: 108,
        hour: 12,
        body: 'W bibliotece sieci jest lista kontrolna przed kontrolą na miejscu, przygotowana na zeszłorocznym spotkaniu grupy roboczej. Uzupełnię ją o termin składania ofert i ewidencję godzin przy kilku projektach.',
      },
      {
        by: magdalena,
        ago: 100,
        hour: 9,
        body: 'Finał: zastrzeżenia uwzględnione częściowo, korekta obniżona, choć nie do zera. Wniosek na przyszłość – **termin w ogłoszeniu liczymy zawsze od dnia po publikacji** i sprawdzamy go drugą parą oczu.',
      },
    ],
  },
  {
    title:
      'Reguła konkurencyjności w praktyce: nasze doświadczenia z zamówieniami na trenerów w Bazie Konkurencyjności',
    lang: 'pl',
    question: false,
    posts: [
      {
        by: pawel,
        ago: 240,
        hour: 10,
        body: 'Za nami trzy postępowania w Bazie Konkurencyjności na usługi trenerskie. Najwięcej kłopotu sprawiło nam nie samo ogłoszenie, tylko **szacowanie wartości** – czy liczyć każdy cykl szkoleń osobno, czy łącznie. Jakie macie doświadczenia?',
      },
      {
        by: magdalena,
        ago: 239,
        hour: 12,
        body: 'Łącznie, jeśli to usługi tego samego rodzaju w całym projekcie – inaczej kontrolujący uzna to za dzielenie zamówienia, żeby zejść poniżej 50 tys. zł netto. Pamiętajcie też, że trener zatrudniony jako personel projektu na umowę o pracę to nie jest zamówienie.',
      },
      {
        by: tomasz,
        ago: 239,
        hour: 15,
        body: 'Kilka rzeczy, które nas uratowały:\n- zapisujemy PDF ogłoszenia w dniu publikacji i po każdej zmianie,\n- przy zmianie, która może wpłynąć na treść ofert, wydłużamy termin,\n- protokół postępowania ma oświadczenia komisji o braku konfliktu interesów, podpisane **po** otwarciu ofert, gdy znamy wykonawców.',
      },
      {
        by: dariusz,
        ago: 237,
        hour: 9,
        body: 'Pytanie z perspektywy urzędu: jako PUP stosujemy Pzp, a poniżej 130 tys. zł netto mamy regulamin wewnętrzny. Czy reguła konkurencyjności w ogóle nas dotyczy?',
      },
      {
        by: edward,
        ago: 236,
        hour: 11,
        body: 'Dotyczy, w przedziale od 50 tys. zł netto do progu stosowania Pzp – dla takich zamówień wytyczne kwalifikowalności każą stosować regułę konkurencyjności także podmiotom, które Pzp stosują. Powyżej progu obowiązuje już ustawa. Regulamin wewnętrzny może zostać, ale w tym przedziale nie zastąpi publikacji w Bazie.',
      },
      {
        by: celina,
        ago: 233,
        hour: 10,
        body: 'U nas przy niszowych szkoleniach (np. księgowość spółdzielni socjalnych) przychodziła jedna oferta. Zaczęliśmy dodatkowo wysyłać informację o ogłoszeniu do znanych nam wykonawców – to wolno, byle nie zamiast publikacji w Bazie.',
      },
      {
        by: pawel,
        ago: 228,
        hour: 14,
        body: 'Dziękuję wszystkim. Zebrałem wnioski w jedną notatkę dla naszego działu zamówień: szacowanie łączne, 7 dni na oferty przy usługach, PDF-y ogłoszeń, konflikt interesów po otwarciu ofert, a dla jednostek stosujących Pzp – Baza w przedziale poniżej progu ustawowego. Link do Bazy dla porządku: https://bazakonkurencyjnosci.funduszeeuropejskie.gov.pl/',
      },
    ],
  },
  {
    title: 'Nagranie i materiały ze spotkania „Zmiany w budżecie i trwałość w projektach EFS+”',
    lang: 'pl',
    question: false,
    posts: [
      {
        by: sylwia,
        ago: 5,
        hour: 9,
        body: 'W bibliotece sieci są już materiały z wtorkowego spotkania online:\n- prezentacja o zmianach w budżecie i trwałości,\n- nagranie (ok. 90 minut),\n- zebrane pytania z czatu.\n\nPytania, na które zabrakło czasu, proszę wpisywać tutaj – dołączę odpowiedzi do FAQ. Następne spotkanie poświęcimy wnioskom o płatność.',
      },
      {
        by: celina,
        ago: 5,
        hour: 13,
        body: 'Dziękuję za materiały. Pytanie, którego nie zdążyłam zadać: czy przesunięcie środków między zadaniami zawsze wymaga aneksu do umowy?',
      },
      {
        by: edward,
        ago: 4,
        hour: 10,
        body: 'Nie zawsze – rozstrzyga umowa o dofinansowanie. Większość umów dopuszcza przesunięcia do określonego procentu wartości zadania (często 10%) bez aneksu, ale za zgodą lub po poinformowaniu opiekuna. **Nie** dotyczy to zwykle kosztów pośrednich rozliczanych ryczałtem, limitu cross-financingu ani stawek jednostkowych – tam zmiana prawie zawsze oznacza aneks.',
      },
      {
        by: pawel,
        ago: 3,
        hour: 11,
        body: 'Uzupełnię praktycznie: nawet przy przesunięciu bez aneksu składamy w WOD2021 wniosek o zmianę, który tworzy nową wersję wniosku o dofinansowanie. Dopiero po jej akceptacji zmieniony budżet widać przy wnioskach o płatność w SL2021.',
      },
      {
        by: tomasz,
        ago: 2,
        hour: 15,
        body: 'Jedna uwaga do slajdu o trwałości: w naszym naborze obowiązek utrzymania miejsc pracy w PES jest w umowie, a nie w wytycznych, i liczy się od dnia zatrudnienia. Warto to zaznaczyć w FAQ, bo na spotkaniu brzmiało to bardziej ogólnie.',
      },
      {
        by: sylwia,
        ago: 1,
        hour: 10,
        body: 'Dziękuję, odpowiedzi o przesunięciach i uwaga o miejscach pracy są już w FAQ pod nagraniem. Zapisy na spotkanie o wnioskach o płatność otworzę w przyszłym tygodniu.',
      },
    ],
  },
  {
    title: 'Flat-rate indirect costs: what is inside the rate in your programme?',
    lang: 'en',
    question: true,
    accepted: 3,
    posts: [
      {
        by: tomas,
        ago: 210,
        hour: 10,
        body: 'We are preparing a transnational project with a Polish partner and comparing budgets. In our Czech programme we use a flat rate for indirect costs, but our partner says their **project manager** sits in indirect costs, which surprised us. What exactly is inside the rate where you work?',
      },
      {
        by: jan,
        ago: 209,
        hour: 11,
        body: 'In our Dutch municipal projects we use direct staff costs plus a 40% flat rate for all other costs. It is wonderfully simple: we only document salaries and timesheets. The downside is that a project with expensive external trainers does not fit the model at all.',
      },
      {
        by: edward,
        ago: 208,
        hour: 9,
        body: 'In Poland the indirect-cost rate is a percentage of direct costs, on a sliding scale by project value set in the eligibility guidelines. The catalogue of indirect costs is broad: project management and coordination, accounting, HR, office costs and utilities, cleaning, general information and promotion of the project.\n\nTwo consequences matter for you:\n- nothing from that catalogue may appear again in direct costs;\n- indirect costs are not documented in payment claims, but if direct costs are cut after a check, the indirect part falls proportionally.',
      },
      {
        by: tomas,
        ago: 207,
        hour: 14,
        body: 'Thank you, that explains it. So if their coordinator is covered by their rate, we should not budget any of his time as a direct cost on our side either?',
      },
      {
        by: edward,
        ago: 206,
        hour: 10,
        body: "Exactly. Each partner budgets under its own programme's rules, and one person's time must never be paid twice. Write down in the partnership agreement who covers which staff and which shared costs (meetings, translation, travel), so that both managing authorities see the same picture.",
      },
      {
        by: maria,
        ago: 203,
        hour: 12,
        body: 'For comparison: in Andalusia many of our operations use 15% of direct staff costs for indirect costs. Coordination is usually a direct staff cost for us, so the Polish model would have confused me too.',
      },
      {
        by: tomas,
        ago: 198,
        hour: 9,
        body: "We've redrawn the budget: the Polish coordinator stays in their indirect costs and our side only covers our own staff. Edward's explanation went straight into our partnership agreement. Thanks, everyone.",
      },
    ],
  },
  {
    title: 'Unit costs per training hour: how did your managing authority set the rate?',
    lang: 'en',
    question: true,
    accepted: 2,
    posts: [
      {
        by: aoife,
        ago: 160,
        hour: 11,
        body: 'Our managing authority is consulting on a unit cost per participant-hour for training delivered to social enterprises. Before we respond: how was the rate set in your country, and what do auditors actually ask for once it is in place?',
      },
      {
        by: maria,
        ago: 159,
        hour: 10,
        body: 'In Spain we have had unit costs per participant-hour of training for years, based on a study of historical costs. Auditors do not look at invoices behind the rate; they check that the hours happened: **signed attendance sheets** or platform logs for online sessions, plus the course programme.\n\nMy advice for the consultation: insist on a precise definition of "an hour" (60 or 45 minutes?), of partial attendance and of online delivery. Most of our disputes were about those, not about the amount.',
      },
      {
        by: lena,
        ago: 158,
        hour: 14,
        body: 'In Vienna we moved youth coaching to a standard hourly rate. Our lesson: the methodology ignored travel time to outlying districts, so coaches working there were effectively underfunded. Ask whether the rate reflects where the training will be delivered.',
      },
      {
        by: edward,
        ago: 157,
        hour: 9,
        body: "Poland uses unit costs and lump sums too, and the principle is the same: the rate is fixed in advance by a fair, equitable and verifiable method, and afterwards you prove the output, not the cost. I would add one thing to María's list: ask for the documents required for each output to be listed in the call, so the check is predictable.",
      },
      {
        by: aoife,
        ago: 156,
        hour: 13,
        body: 'Very helpful. What happens with a participant who drops out halfway through a course?',
      },
      {
        by: maria,
        ago: 155,
        hour: 9,
        body: "In our scheme you are paid for the hours actually attended. The 75% attendance threshold applies only to the participant's certificate, not to payment, so drop-outs do not make the whole course ineligible.",
      },
      {
        by: aoife,
        ago: 150,
        hour: 16,
        body: "We sent our response to the consultation with María's points on defining an hour and paying for attended hours. Thank you all, this thread did half the work for us.",
      },
    ],
  },
  {
    title: 'Travel and subsistence on transnational study visits: how do your programmes handle per diems?',
    lang: 'en',
    question: false,
    posts: [
      {
        by: lena,
        ago: 270,
        hour: 10,
        body: 'We are planning a study visit for youth workers from Vienna to Kraków under ESF+ transnational cooperation. On our side train travel is preferred and per diems follow Austrian national rates. How do Polish partners handle subsistence for foreign guests, and who usually pays for what?',
      },
      {
        by: edward,
        ago: 269,
        hour: 13,
        body: "In Poland staff travel follows the national rules on business travel, with per diem rates set per country. Participants who are not employees are usually covered directly: the project books travel, accommodation and meals. In transnational cooperation each partner normally pays its own delegation's costs. The key risk is double financing: if the host provides meals, the guest's per diem must be reduced.",
      },
      {
        by: jan,
        ago: 268,
        hour: 9,
        body: 'We have a rule of thumb: rail for anything up to about 700 km, and a flight only with a short written justification comparing time and price. Auditors have never questioned a justified flight, only an unexplained one.',
      },
      {
        by: aoife,
        ago: 266,
        hour: 11,
        body: 'Irish projects generally use civil service subsistence rates. We keep boarding passes as well as invoices, because a ticket alone does not prove the journey happened.',
      },
      {
        by: tomas,
        ago: 265,
        hour: 15,
        body: 'In the Czech programme economy class is the norm and we have to show that the chosen option was the cheapest reasonable one. We now save screenshots of the price comparison on the day of booking.',
      },
      {
        by: pawel,
        ago: 262,
        hour: 10,
        body: 'As a possible host in Kraków: we would book the hotel and meals for both delegations from our budget, since it is simpler for invoices. @[Lena Hofmann], would that work with your per diem rules?',
      },
      {
        by: lena,
        ago: 260,
        hour: 12,
        body: 'It would. We reduce the per diem for every meal provided, so we just need a confirmation from you listing which meals each person received. A template would help both of us.',
      },
      {
        by: sylwia,
        ago: 255,
        hour: 9,
        body: "I've put a bilingual template in the network library: a combined attendance list and confirmation of meals provided, one line per person per day. Feel free to adapt it for your own programmes.",
      },
    ],
  },
  {
    title:
      'Timesheets for staff on a fixed percentage of working time: is our managing authority gold-plating?',
    lang: 'en',
    question: true,
    posts: [
      {
        by: tomas,
        ago: 50,
        hour: 10,
        body: 'Two of our staff work on the project for a fixed 50% of their time, set out in their contracts. As I read the regulation, a fixed percentage should not need a separate time-recording system. Yet our managing authority asks for monthly timesheets for them too. Has anyone pushed back on this successfully?',
      },
      {
        by: jan,
        ago: 49,
        hour: 13,
        body: 'We have the same requirement in the Netherlands, and frankly we stopped arguing. The timesheets are one line a month and they saved us once when an auditor questioned the 50% split.',
      },
      {
        by: aoife,
        ago: 47,
        hour: 10,
        body: 'Our managing authority accepts the contract plus an annual declaration signed by the line manager. But I believe that came from a national circular, not from the EU rules, so it may not help you argue.',
      },
      {
        by: tomas,
        ago: 45,
        hour: 11,
        body: "Thanks, both. I've asked our managing authority in writing which provision the requirement comes from and am still waiting. @[Edward Ekspert], do you know whether Polish authorities ask for timesheets in this case?",
      },
      {
        by: lena,
        ago: 40,
        hour: 14,
        body: 'Following this. In Vienna we were told it was a requirement of the audit authority rather than the managing authority, which made it even harder to find anyone to discuss it with.',
      },
    ],
  },
  {
    title: 'Equipment bought in an ESF+ project: what happens to it after the project ends?',
    lang: 'en',
    question: false,
    posts: [
      {
        by: maria,
        ago: 90,
        hour: 10,
        body: 'Our incubator project for social enterprises ends in spring. We bought laptops and a 3D printer, which the participants use for prototypes. In Spain we have to keep such equipment for the same purpose for some years. How does it work in your countries?',
      },
      {
        by: jan,
        ago: 89,
        hour: 14,
        body: 'Our municipality puts everything in an asset register with the project code. After the end the equipment may be used for similar activities, and we keep a short note of what it is used for, in case anyone asks.',
      },
      {
        by: edward,
        ago: 88,
        hour: 11,
        body: "In Poland the formal durability obligation (five years after the final payment, three for SMEs) concerns investment in infrastructure or productive investment, so it rarely applies to a typical ESF+ project. Equipment is usually bought within the cross-financing limit or as fixed assets needed for the tasks, and after the project it may be used for the organisation's statutory activities. Some calls add obligations in the grant agreement, for example keeping jobs created in social enterprises for a set period.",
      },
      {
        by: tomas,
        ago: 86,
        hour: 9,
        body: 'At our ex-post check the inspector wanted to see the register and a short usage log for each item. Having photos of the labelled equipment in use made it quick.',
      },
      {
        by: aoife,
        ago: 84,
        hour: 12,
        body: 'Is it better to buy or to charge depreciation? Our guidance allows both and I never know which is safer.',
      },
      {
        by: edward,
        ago: 82,
        hour: 10,
        body: 'Depreciation is possible when the asset was not bought with grants, and only for the period it is used in the project. Purchase in full is simpler where the call allows it, but it counts against the cross-financing or fixed-asset limit. If the equipment lives on after the project, depreciation is often the cleaner story for an auditor.',
      },
      {
        by: maria,
        ago: 75,
        hour: 13,
        body: 'Thank you all. Our plan: asset register with the project code, a yearly usage note, and the printer moves to the social enterprise network we set up, with the same purpose written into the transfer agreement.',
      },
    ],
  },
]
