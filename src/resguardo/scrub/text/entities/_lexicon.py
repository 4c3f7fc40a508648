"""Word lists the name layer uses: titles, surname particles, given names, place words.

Given names are the most frequent ones in the communities resguardo serves (Latin America,
Spain, Brazil, Portugal, France, francophone Africa and the Maghreb, the US and the UK, and
the countries people most often flee from), collected from public name-frequency tables. They
are used for two things the model does badly: lowercase names in informal messages ("hablé con
juan") and names at the start of a sentence. Names that are also everyday words in one of the
four languages ("rosa", "paz", "hope", "pierre", "leão") are kept apart: they count as names
only when capitalised inside a sentence, after a title, or when the text names the same person
in full elsewhere.
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_NAMES",
    "FUNCTION_WORDS",
    "GIVEN_NAMES",
    "INSTITUTION_WORDS",
    "JOB_WORDS",
    "PARTICLES",
    "SURNAMES",
    "TITLES",
    "words",
]


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(block.split())


#: Words and abbreviations that announce a person's name: "Sra. Quispe", "Me Lefèvre", "Dona Graça".
TITLES: frozenset[str] = words(
    """
    sr sra srta señor señora señorita don doña dr dra doctor doctora lic licenciado licenciada ing
    ingeniero ingeniera prof profesor profesora abogado abogada compañero compañera compa padre
    madre hermano hermana sor fray tío tía comandante concejal concejala diputado diputada alcalde
    alcaldesa juez jueza fiscal periodista defensora defensor lideresa líder vocera vocero senhor
    senhora dona dom seu doutor doutora professor professora advogado advogada irmã irmão pastor
    pastora vereador vereadora deputado deputada delegado delegada companheiro companheira tio tia m
    mme mlle monsieur madame mademoiselle me maître docteur docteure pr professeur professeure
    avocat avocate abbé père sœur frère camarade député députée maire juge procureur procureure mr
    mrs ms miss mx sir dame lady lord rev reverend father sister brother imam rabbi officer sgt
    sergeant captain capt lt detective judge justice senator councilman councilwoman councillor
    mayor attorney lawyer comrade aunt uncle auntie
    """
)

#: Lowercase words inside a compound name: "Juan de la Cruz", "Maria dos Santos", "Ludwig van Beethoven".
PARTICLES: frozenset[str] = words(
    """
    de del la las los da das do dos e y i van von der den di du le ben bin bint ibn al el abu mc st
    ter
    """
)

#: Given names that are everyday words too; capitalised inside a sentence they still count.
AMBIGUOUS_NAMES: frozenset[str] = words(
    """
    rosa paz luz sol mar pilar cruz ángel angel amparo consuelo dolores mercedes socorro rocío rocio
    esperanza victoria gloria fe caridad concepción asunción rey reyes león leon blanca flor alba
    aurora violeta jazmín estrella perla amado salvador santos leão leao graça graca glória vitória
    bela clara pedra pierre olive rose violette aimé aime désiré constance prudence hope faith joy
    grace mercy charity june april may august summer dawn lily daisy iris ruby pearl amber crystal
    sky river bill mark will rob sue pat jack frank grant chase hunter guy art bob don ray rich tom
    dean drew gene hazel ivy jade jasmine olivia ella noé tina dina nina ina amir salam nour
    noor iman amal hayat karim julio domingo marcos máximo tomás milagros norma rebeca diana marina
    alondra macarena carolina florencia florence virginia madison brittany jordan austin carol
    heather christian roger randy reza rana dalia said hind amine lea claire jean noël noel jesús
    jesus cesar césar oscar óscar german germán lourdes guadalupe candelaria fátima fatima sofia
    sofía santiago aparecida vera mona ángeles angeles
    """
)

#: Frequent given names, lowercase; AMBIGUOUS_NAMES are excluded from lowercase matching.
GIVEN_NAMES: frozenset[str] = words(
    """
    aarón adela adolfo adrián adriana agustín agustina aída alberto alejandra alejandro alexis
    alfonso alfredo alicia alondra álvaro amalia américo ana andrea andrés ángela ángeles anselmo
    antonia antonio araceli ariana ariel armando arturo aurelio beatriz benito bernardo berta brenda
    bruno camila camilo candelaria carla carlos carmen carolina catalina cecilia celia césar
    cristian cristina cristóbal damián daniel daniela darío david débora diana diego domingo edgar
    eduardo efraín elena eliana elías elisa eloísa emilia emiliano emilio enrique ernesto esteban
    estefanía eugenia eugenio evelyn ezequiel fabián fabiola facundo federico felipe fernanda
    fernando fidel florencia francisca francisco gabriel gabriela gerardo germán gilberto gonzalo
    graciela gregorio guadalupe guillermo gustavo héctor hernán homero horacio hugo ignacio inés
    irene isabel ismael itzel iván jaime javier jesús jimena joaquín jorge josé josefina juan juana
    julia julián juliana julio karina laura leandro leonardo leticia lidia liliana lorena lorenzo
    lourdes lucas lucía luciana luciano lucio luis luisa macarena manuel manuela marcela marcelo
    marcos margarita maría mariana mariano marina mario marisol marta martín martina mateo matías
    mauricio máximo melissa micaela miguel milagros mireya moisés mónica nahuel natalia nelson
    nicolás noemí norma octavio olga omar orlando óscar pablo pamela patricia patricio paula paulina
    pedro rafael ramiro ramón raquel raúl rebeca renata ricardo roberto rodolfo rodrigo rogelio
    rolando romina rubén ruth samuel sandra santiago sara sebastián sergio silvia simón sofía sonia
    susana tamara teresa tomás ulises valentina valeria vanesa verónica vicente víctor virginia
    wilson ximena yesenia yolanda yuliana zoila xiomara yurany yeison jhon jhonny wilmer nairo
    yorman deisy leidy yamile maryuri dayana wendy kevin brayan anderson arley edwin fredy jairo
    yeferson andré antônio aparecida benedito cláudia cláudio conceição edson eliane fábio fátima
    heloísa henrique igor jéssica joão joaquim júlia larissa letícia luana luíza luiz márcia maria
    matheus maurício natália paulo raimundo regina rita sebastião sérgio simone tatiana thiago
    vinícius vitor wellington wagner washington adriano alessandra bianca bruna caio cristiano
    douglas eduarda emerson flávia jaqueline jonas kátia marlene neide odete priscila rogério
    rosângela sílvia tânia valdir vanessa vera zuleide benoît bernard camille cécile céline charles
    chloé christophe claire claude dominique élodie émile émilie étienne fabrice florence françois
    françoise frédéric gaël geneviève georges gérard guillaume hélène henri isabelle jacques jean
    jeanne jérôme joël julien laurent léa léon louis louise luc lucie manon marc marcel margaux
    marie martine mathieu michel mireille nathalie nicolas noël olivier pascal patrick paul philippe
    raphaël rémi renée robert sandrine sébastien simon sophie stéphane sylvie thierry thomas valérie
    vincent yves yvonne zoé mamadou moussa aminata fatou fatoumata awa ousmane abdoulaye ibrahima
    seydou boubacar cheikh adama mariam kadiatou oumar souleymane aïcha aicha bakary salif modou
    ndeye khadija youssef yassine mehdi karima nadia rachid samir sofiane farid malika leïla leila
    nabil hamid mourad amine ayoub hind hicham said saïd zineb yasmina james john michael william
    richard joseph christopher matthew anthony donald steven andrew joshua kenneth brian george
    timothy ronald jason edward jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin gregory alexander jack dennis jerry tyler aaron jose adam nathan henry
    zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl
    harold dylan arthur lawrence jordan jesse bryan billy bruce logan alan albert willie elijah
    wayne randy mary jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret ashley kimberly emily donna michelle carol amanda deborah stephanie dorothy rebecca
    sharon cynthia amy kathleen angela shirley emma anna nicole samantha katherine christine helen
    debra rachel carolyn janet catherine heather diane olivia julie joyce victoria lauren kelly
    christina joan judith megan cheryl hannah jacqueline martha madison gloria janice kathryn
    abigail sophia frances alice judy isabella beverly denise marilyn amber danielle brittany
    natalie mohamed mohammed muhammad ahmed ahmad ali hassan hussein hussain abdullah abdul ibrahim
    ismail yusuf mustafa mahmoud khaled khalid tariq bilal hamza zainab fatima fatma aisha ayesha
    maryam amina zahra layla laila rania reem hiba samira hana huda salma noura dalia yara lina dima
    rasha wafa ghada farah rana abebe almaz dawit tesfaye meron selam haile mulugeta berhane
    yohannes habtamu kidane arash reza hossein parisa shirin farzaneh narges wali gul ivan olena
    oksana andriy mykola dmytro iryna tetiana yulia serhii volodymyr aleksei alexei sergei dmitri
    anastasia ekaterina svetlana vladimir nikolai
    """
)

#: Words that are capitalised in the names of courts, ministries, laws and offices (and Colombia's
#: control bodies, Constitución Política arts. 117-120: "la Registraduría", "la Procuraduría") and in the roles
#: people hold there, never a person's name or a place on their own: "Tribunal de Primera Instancia",
#: "Comisión Europea de Derechos Humanos", "Fiscal General", "High Court", "Consejero Jurídico,
#: Ministerio de Asuntos Exteriores". Lowercase; a word that is also a given name or surname in
#: the lists above does not count.
INSTITUTION_WORDS: frozenset[str] = words(
    """
    tribunal tribunales tribunais tribunaux court courts cour cours corte cortes juzgado juzgados
    primera primero segunda segundo tercera première premier seconde deuxième first second instancia
    instancias instância instance instances casación cassação cassation apelación apelação appel
    appeal appeals apelaciones supremo suprema supremos suprême supreme superior supérieur
    supérieure superiores alta alto haute high constitucional constitutional constitutionnel
    constitutionnelle administrativo administrativa administrative administratif contencioso penal
    penales criminal criminel criminelle civil civiles civile fiscal fiscales tributario tributaria
    municipal municipales común comunes commun commune provincial provinciales regional regionales
    nacional nacionales national nationale nationaux federal federales fédéral fédérale general
    generales général générale europeo europea europeos européen européenne european europeu
    internacional international internationale interamericana interamericano inter-american
    derechos direitos droits rights humanos humanas humains human justicia justiça
    justice hacienda fazenda finanzas finanças finances exteriores exteriors étrangères foreign
    interior intérieur asuntos assuntos affaires affairs jurídico jurídica jurídicos jurídicas
    juridique juridiques legal consular consulares consulaire impuestos impostos impôts tax taxes
    seguridad segurança sécurité security defensa defesa défense defence defense trabajo trabalho
    travail labour labor salud saúde santé health educación educação éducation education cultura
    culture ministerio ministério ministère ministry ministerios ministro ministra
    ministros ministre minister ministers subsecretario subsecretaria secretario secretaria
    secretaría secrétaire secrétariat secretary secretariat embajador embajadora embaixador
    embaixadora ambassadeur ambassadrice ambassador agente agentes agent agents consejero consejera
    consejeros consejeras conselheiro conselheira conseiller conseillère conseillers counsel
    counsellor adviser advisor advisers asesor asesora asesores procurador procuradora procureur
    prosecutor fiscalía fiscalia parquet presidente presidenta président présidente president
    vicepresidente vice-président vice-president juez jueza jueces juiz juíza juge juges judge
    judges magistrado magistrada magistrados magistrat magistrate magistrates relator relatora rapporteur
    rapporteuse comisión comissão commission comisario comissário commissaire commissioner
    consejo conselho conseil council congreso congresso congrès congress parlamento parlement
    parliament senado sénat senate asamblea assembleia assemblée assembly cámara câmara chambre
    chamber gobierno governo gouvernement government estado estados état états state states ley
    leyes lei lois loi law laws código code decreto décret decree reglamento règlement
    regulation convenio convención convention convenção protocolo protocole protocol estatuto
    statut statute oficina bureau office oficial officiel official policía polícia police
    guardia garde guard ejército exército armée army armada navy gendarmería gendarmerie
    dirección direção direction directorate director directora directeur directrice
    departamento département department servicio serviço service services agencia agência agence
    agency registro registre registry
    procuraduría contraloría registraduría personería defensoría defensoria
    """
)

#: Function words per language: never part of a name, even capitalised at the start of a sentence,
#: and the evidence ``--lang auto`` weighs.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": words(
        """
        then later now still yet however although while since because so after before
        the a an and or but of to in on at for with from by about as is are was were be been has
        have had do does did this that these those it its he she they we you i his her their our
        your my him them us me not no yes if then when where who whom which what why how there here
        after before during today yesterday tomorrow also just very will would can could should may
        might
        """
    ),
    "es": words(
        """
        después luego entonces ahora todavía aunque mientras desde porque así antes tras según
        el la los las un una unos unas y o pero de del al en con por para sobre sin es son era fue
        fueron ser ha han había está están estaba este esta estos estas ese esa eso lo le les se su
        sus nos nuestro nuestra mi mis tu tus yo él ella ellos ellas nosotros usted ustedes que qué
        quien quién cuando cuándo donde dónde como cómo porque muy también ya hoy ayer mañana no sí
        pues aquí allí hay
        """
    ),
    "pt": words(
        """
        depois então agora ainda embora enquanto desde porque assim antes após segundo
        o a os as um uma uns umas e ou mas de do da dos das ao à em no na nos nas com por pelo pela
        para sobre sem é são era foi foram ser tem têm tinha está estão estava este esta estes estas
        esse essa isso ele ela eles elas nós você vocês seu sua seus suas meu minha que quem quando
        onde como porque muito também já hoje ontem amanhã não sim aqui ali há
        """
    ),
    "fr": words(
        """
        puis ensuite alors maintenant encore bien quoique pendant parce ainsi
        le la les un une des et ou mais de du au aux en dans avec par pour sur sans est sont était
        été être a ont avait ce cette ces cet il elle ils elles nous vous je tu on son sa ses leur
        leurs mon ma mes que qui quand où comment pourquoi très aussi déjà aujourd hier demain ne
        pas non oui ici là y devant chez entre après avant depuis contre selon
        """
    ),
}

#: Frequent surnames, lowercase: a capitalised word next to one is a person ("Isidro Pérez", "Sunny Park").
SURNAMES: frozenset[str] = words(
    """
    garcía rodríguez martínez hernández lópez gonzález pérez sánchez ramírez torres flores rivera
    gómez díaz reyes morales cruz ortiz gutiérrez chávez ramos ruiz álvarez mendoza castillo jiménez
    moreno romero herrera medina aguilar vargas castro guzmán fernández muñoz rojas contreras
    salazar silva vásquez vázquez núñez ríos delgado quispe mamani condori huamán choque blanco
    solís cortés guerrero navarro domínguez mejía espinoza sandoval carrillo acosta cabrera figueroa
    montoya palacios mosquera valencia ospina restrepo cárdenas zapata osorio giraldo arango bedoya
    benítez villalba ferreira leal pineda marín suárez peña vega campos molina soto córdoba cano
    paredes fuentes escobar rincón méndez ibarra luna trujillo bermúdez urdaneta santos oliveira
    souza sousa lima pereira costa carvalho almeida ribeiro rodrigues gomes martins araújo barbosa
    alves cardoso nascimento teixeira moura cavalcanti correia dias monteiro mendes freitas lopes
    vieira rocha pinto machado nunes batista fonseca azevedo andrade martin bernard dubois thomas
    robert richard petit durand leroy moreau simon laurent lefebvre lefèvre michel garnier faure
    rousseau blanc guérin muller henry roussel nicolas perrin morin mathieu clément gauthier dumont
    lopez fontaine chevalier robin masson sanchez girard boyer smith johnson williams brown jones
    miller davis wilson anderson taylor moore jackson white harris thompson clark lewis robinson
    walker young allen king wright scott hill green adams baker nelson carter mitchell roberts
    turner phillips campbell parker evans edwards collins stewart morris murphy cook rogers morgan
    cooper peterson reed bailey bell kelly howard ward cox richardson washington brooks watson wood
    james bennett gray hughes price sanders myers long ross foster diallo traoré traore camara koné
    kone keita sow bah barry ba cissé cisse touré toure sylla konaté ndiaye diop fall sarr faye
    gueye mbaye ouédraogo ouedraogo sawadogo kaboré coulibaly sangaré benali benkirane el-amrani
    haddad khoury nasser mansour saleh hamdan abdullah rahman hussain hassan ahmadi rahimi hosseini
    karimi mohammadi rezaei haidari popal noori sultani nguyen tran le pham huynh hoang phan vu wang
    li zhang liu chen yang huang zhao wu zhou kim lee park choi jung kang cho yoon jang lim singh
    kumar sharma patel khan ali begum das kowalski nowak kovalenko shevchenko ivanov petrov smirnov
    popescu novak horvath
    """
)

#: Trades and jobs that head a job title on a card or CV, in the four languages, singular: "Local
#: transit bus driver", "Registered nurse", "Abogada laboralista", "Assistante sociale". Written from
#: the major groups of the ILO's International Standard Classification of Occupations (ISCO-08).
JOB_WORDS: frozenset[str] = words(
    """
    administrator manager director assistant clerk secretary receptionist accountant auditor analyst
    engineer technician mechanic electrician plumber carpenter welder mason builder painter driver
    operator attendant cashier salesperson seller vendor waiter waitress cook chef baker butcher
    cleaner janitor housekeeper caretaker nanny babysitter nurse doctor physician surgeon dentist
    pharmacist therapist paramedic midwife teacher professor lecturer tutor instructor trainer
    coach librarian journalist reporter editor writer translator interpreter designer developer
    programmer architect lawyer attorney paralegal consultant advisor adviser counselor counsellor
    coordinator organizer organiser specialist supervisor inspector officer guard farmer gardener
    labourer laborer worker fisherman miner tailor hairdresser barber courier dispatcher
    representative agent broker banker economist scientist researcher psychologist
    administrador administradora gerente directora asistente secretario secretaria recepcionista
    contador contadora ingeniero ingeniera técnico técnica mecánico electricista plomero
    fontanero carpintero albañil pintor conductor conductora chofer chófer cajero cajera vendedor
    vendedora mesero mesera camarero camarera cocinero cocinera panadero limpiadora niñera
    enfermero enfermera médico médica dentista farmacéutico maestro maestra profesora periodista
    traductor traductora intérprete diseñador diseñadora desarrollador programador arquitecto
    arquitecta abogado abogada asesor asesora coordinador coordinadora supervisor supervisora
    agricultor jardinero trabajador trabajadora obrero obrera costurera peluquero peluquera
    repartidor investigador investigadora psicólogo psicóloga gerente
    administradora assistente secretária recepcionista contadora engenheiro engenheira técnico
    mecânico eletricista encanador pedreiro motorista caixa vendedora garçom garçonete cozinheiro
    cozinheira padeiro faxineira diarista babá enfermeira médico médica farmacêutico professora
    jornalista tradutor tradutora designer desenvolvedor programador arquiteto arquiteta advogado
    advogada assessor assessora coordenadora supervisora agricultor jardineiro trabalhador
    trabalhadora operário operária costureira cabeleireiro cabeleireira entregador pesquisador
    pesquisadora psicóloga
    directeur directrice assistante secrétaire réceptionniste comptable ingénieur ingénieure
    technicienne mécanicien électricien plombier menuisier maçon peintre chauffeur chauffeuse
    opérateur caissier caissière vendeur vendeuse serveur serveuse cuisinier cuisinière boulanger
    boulangère agent agente ménage nounou infirmier infirmière médecin chirurgien pharmacien
    enseignant enseignante institutrice instituteur journaliste traducteur traductrice interprète
    designer développeur développeuse programmeur architecte avocat avocate conseiller
    conseillère coordinateur coordinatrice superviseur agriculteur jardinier ouvrier ouvrière
    couturière coiffeur coiffeuse livreur livreuse chercheur chercheuse psychologue éducateur
    éducatrice
    """
)
